#pragma once

#include <QtCore/QString>

#include <string>

namespace slidesight {

/// The slide library (viewer/slide) reports failures as plain English std::string messages;
/// this turns the ones it knows into the interface language (context "SlideError").
///
/// Each known message is a template with %1, %2 where the library inserts a path, a name or a
/// number; the inserted parts are kept as they are. A message that matches no template is
/// returned unchanged, so a new library message shows in English rather than not at all.
/// Thread-safe.
struct SlideError {
    static QString translated(const std::string& message);
};

}  // namespace slidesight
