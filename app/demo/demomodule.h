#pragma once

#include <QtCore/QObject>
#include <QtCore/QString>
#include <QtCore/QStringList>

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

    /// Until the slide closes: `firstLayer` ("gradcam", "attention-max:mean") alone among the
    /// maps as they appear, half transparent with its legend, and the layers `onTop` (top
    /// first; by default the annotations, which hold the demo's truth) above every map. Also
    /// the teaching mode's reveal.
    void keepFirstView(const QString& firstLayer, const QStringList& onTop = {QStringLiteral("annotations")});

private:

    Shell& shell_;
    AnalysisModule* analysis_;
    AnnotationsModule* annotations_;
    LayersModule* layers_;
};

}  // namespace slidesight
