#pragma once

// The cases of a teaching session and where they come from. A case is a slide, its truth (an
// annotation file; none for a slide without lesion) and, optionally, a model bundle whose maps
// are revealed with the truth. A case list is read from:
// - a demo folder (demo.json, `slidesight-cli demo build`): its held-out mosaics, the demo's
//   bundle, truth group and first map;
// - a JSON file, or a folder holding cases.json:
//     {"title": "...", "bundle": "B", "group": "G", "map": "gradcam",
//      "cases": [{"slide": "S", "truth": "T.xml", "title": "...", "bundle": "...", "map": "..."}]}
//   paths relative to the file; a case's bundle and map default to the list's;
// - any other folder: each slide in it, with SLIDE.xml / SLIDE.geojson beside it as truth
//   (same base name) and the folder's bundle/ when it has one.

#include "viewer/common/expected.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QString>

#include <vector>

namespace slidesight {

struct TeachingCase {
    QString id;      ///< unique in the list: the slide's base name (with "-2", "-3" for repeats)
    QString title;   ///< shown in the list; the id when none is given
    QString slide;   ///< absolute
    QString truth;   ///< the truth's annotation file, absolute; empty: the slide has no lesion
    QString group;   ///< the truth's annotation group; empty: every area of the file
    QString bundle;  ///< a model bundle (folder or .zip), absolute; empty: no model to reveal
    QString map;     ///< the map revealed and scored, e.g. "gradcam", "attention-max:mean"
    bool positive() const { return !truth.isEmpty(); }
};

struct TeachingCaseList {
    Q_DECLARE_TR_FUNCTIONS(TeachingCaseList)
public:
    QString source;  ///< the folder or file it was read from, absolute
    QString title;
    std::vector<TeachingCase> cases;

    /// Reads a demo folder, a case file or a folder of slides (see above); `demo` is short for
    /// the demo's default folder. Fails with one sentence naming what is wrong (nothing there, a
    /// malformed file, a slide or truth file that is missing, no case at all).
    static Expected<TeachingCaseList> read(const QString& path);
    /// The default map when neither the list nor the case names one.
    static QString defaultMap();
};

}  // namespace slidesight
