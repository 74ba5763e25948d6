#pragma once

// The teaching suites' shared cases: shapes, the hand-worked 4 x 4 grid and map, a case file
// writer and the real slide the window tests open.

#include "common/testdata.h"

#include "app/teaching/teachingscore.h"
#include "viewer/annotations/annotation.h"

#include <QtCore/QByteArray>
#include <QtCore/QFile>
#include <QtCore/QString>

#include <limits>
#include <vector>

namespace slidesight::test {


constexpr float kNoMapValue = std::numeric_limits<float>::quiet_NaN();

inline Annotation caseRectangle(double x0, double y0, double x1, double y1, const QString& group = {}) {
    Annotation a;
    a.geometry = AnnotationGeometry::Rectangle;
    a.group = group;
    a.parts.push_back(PolygonPart{QPolygonF({QPointF(x0, y0), QPointF(x1, y0), QPointF(x1, y1), QPointF(x0, y1)}), {}});
    return a;
}

inline Annotation casePoint(double x, double y) {
    Annotation a;
    a.geometry = AnnotationGeometry::Point;
    a.points = QPolygonF({QPointF(x, y)});
    return a;
}

inline GridGeometry handGrid() {
    GridGeometry g;
    g.cellSize = QSizeF(100, 100);
    g.rows = g.columns = 4;
    return g;
}

/// Cell (1, 2) is the highest, (3, 3) has no value; the truth cells are (1..2, 1..2).
inline std::vector<float> handMap() {
    return {0.1f, 0.5f, 0.1f, 0.0f,  //
            0.3f, 0.8f, 0.9f, 0.1f,  //
            0.2f, 0.7f, 0.4f, 0.1f,  //
            0.0f, 0.1f, 0.2f, kNoMapValue};
}

/// The hand-worked case: truth (1..2, 1..2), the trainee's 2 x 3 rectangle, handMap().
inline TeachingScoreInput handInput() {
    TeachingScoreInput in;
    in.grid = handGrid();
    in.truth = {caseRectangle(100, 100, 300, 300)};
    in.marks = {caseRectangle(100, 100, 300, 400)};
    in.map = handMap();
    in.modelCallsLesional = true;
    in.modelLesionProbability = 0.8;
    return in;
}

inline bool writeCaseFile(const QString& path, const QByteArray& text) {
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(text) == text.size();
}

inline QString cmuCaseSlide() { return dataPath(QStringLiteral("slides/cmu-1-small-region.svs")); }


}  // namespace slidesight::test
