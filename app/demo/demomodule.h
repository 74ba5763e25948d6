#pragma once

#include <QtCore/QObject>
#include <QtCore/QString>

namespace slidesight {

class AnalysisModule;
class AnnotationsModule;
class LayersModule;
class Shell;
struct DemoIndex;

/// The offline demo in the window (`slidesight --demo`): opens the demo's first held-out
/// mosaic with its ground truth and analyses it with the demo's bundle. Its first view teaches
/// at a glance: the demo's best map alone, half transparent over the tissue, with its legend,
/// the truth's outline on top, and every other map one click away in the layer panel.
///
/// GUI thread only.
class DemoModule : public QObject {
    Q_OBJECT
public:
    DemoModule(Shell& shell, AnalysisModule* analysis, AnnotationsModule* annotations, LayersModule* layers,
               QObject* parent = nullptr);

    /// Opens the demo's first shown slide, imports its truth and runs the bundle once it is open.
    void open(const DemoIndex& index);

private:
    /// `firstLayer` alone among the maps as they appear, the truth on top, until the slide closes.
    void keepFirstView(const QString& firstLayer);

    Shell& shell_;
    AnalysisModule* analysis_;
    AnnotationsModule* annotations_;
    LayersModule* layers_;
};

}  // namespace slidesight
