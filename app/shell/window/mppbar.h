#pragma once

#include <QtWidgets/QFrame>

class QLabel;

namespace slidesight {

struct Mpp;

/// The bar above the view that says when a slide does not record its resolution (µm/px),
/// or when it is only assumed from the objective power, with a button to enter it.
///
/// GUI thread only.
class MppBar : public QFrame {
    Q_OBJECT
public:
    explicit MppBar(QWidget* parent = nullptr);

    /// Shows the bar for an unknown or assumed `mpp`, hides it for a recorded one.
    void showFor(const Mpp& mpp);

Q_SIGNALS:
    /// The user asked to enter the slide's µm/px.
    void entryRequested();

private:
    QLabel* text_;
};

}  // namespace slidesight
