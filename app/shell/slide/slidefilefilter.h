#pragma once

// The file-dialog filter of the slide formats OpenSlide reads, shared by every "Open slide"
// dialog (the window's and the split panes').

#include <QtCore/QCoreApplication>
#include <QtCore/QString>

namespace slidesight {

inline QString slideFileFilter() {
    return QCoreApplication::translate(
        "slidesight::MainWindow", "Slides (*.svs *.tif *.tiff *.ndpi *.vms *.vmu *.scn *.mrxs *.svslide *.bif);;All files (*)");
}

}  // namespace slidesight
