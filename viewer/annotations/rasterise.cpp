#include "viewer/annotations/rasterise.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace slidesight {

namespace {

/// A non-horizontal polygon edge in grid-relative coordinates, top end first.
struct Edge {
    double y0, y1, x0, x1;
    int part;
    double xAt(double y) const { return x0 + (x1 - x0) * (y - y0) / (y1 - y0); }
};

/// ∫ min(E(y), c) dy over a band of height h where E runs linearly from ea to eb.
double integralOfMin(double ea, double eb, double c, double h) {
    const double lo = std::min(ea, eb), hi = std::max(ea, eb);
    if (c >= hi) return h * (ea + eb) / 2;
    if (c <= lo) return h * c;
    const double below = (c - lo) / (hi - lo);  // the fraction of the band where E < c
    return h * (below * (lo + c) / 2 + (1 - below) * c);
}

class Sweep {
public:
    Sweep(const RasterGrid& grid, int parts)
        : grid_(grid), width_(grid.cellSize.width()), area_(grid.cellSize.width() * grid.cellSize.height()),
          parity_(static_cast<size_t>(parts), 0), sums_(static_cast<size_t>(grid.rows) * grid.columns, 0.0) {}

    void addRing(const QPolygonF& ring, int part) {
        const double height = grid_.rows * grid_.cellSize.height();
        for (qsizetype i = 0, n = ring.size(); i < n; ++i) {
            QPointF a = ring[i] - grid_.origin, b = ring[(i + 1) % n] - grid_.origin;
            if (a.y() == b.y()) continue;  // horizontal edges never cross a horizontal line
            if (a.y() > b.y()) std::swap(a, b);
            if (b.y() <= 0 || a.y() >= height) continue;
            edges_.push_back({a.y(), b.y(), a.x(), b.x(), part});
            for (const double y : {a.y(), b.y()})
                if (y > 0 && y < height) events_.push_back(y);
        }
    }

    std::vector<float> run() {
        for (int r = 0; r <= grid_.rows; ++r) events_.push_back(r * grid_.cellSize.height());
        std::sort(events_.begin(), events_.end());
        events_.erase(std::unique(events_.begin(), events_.end()), events_.end());
        std::sort(edges_.begin(), edges_.end(), [](const Edge& l, const Edge& r) { return l.y0 < r.y0; });
        std::vector<const Edge*> active;
        size_t next = 0;
        for (size_t i = 0; i + 1 < events_.size(); ++i) {
            const double ya = events_[i], yb = events_[i + 1];
            active.erase(std::remove_if(active.begin(), active.end(), [ya](const Edge* e) { return e->y1 <= ya; }), active.end());
            while (next < edges_.size() && edges_[next].y0 < yb) active.push_back(&edges_[next++]);
            if (active.empty()) continue;
            const int row = std::clamp(static_cast<int>(std::floor((ya + yb) / 2 / grid_.cellSize.height())), 0, grid_.rows - 1);
            band(active, ya, yb, row);
        }
        std::vector<float> fractions(sums_.size());
        for (size_t i = 0; i < sums_.size(); ++i) fractions[i] = static_cast<float>(std::clamp(sums_[i] / area_, 0.0, 1.0));
        return fractions;
    }

private:
    struct Crossing {
        const Edge* edge;
        double xa, xb;
    };

    /// A band between two events; split further where edges cross inside it.
    void band(const std::vector<const Edge*>& active, double ya, double yb, int row) {
        std::vector<Crossing> order;
        order.reserve(active.size());
        for (const Edge* e : active) order.push_back({e, e->xAt(ya), e->xAt(yb)});
        std::sort(order.begin(), order.end(),
                  [](const Crossing& l, const Crossing& r) { return l.xa < r.xa || (l.xa == r.xa && l.xb < r.xb); });
        bool crossed = false;
        for (size_t i = 1; i < order.size() && !crossed; ++i) crossed = order[i].xb < order[i - 1].xb;
        if (!crossed) return trapezoids(order, ya, yb, row);
        std::vector<double> cuts{ya, yb};
        for (size_t i = 0; i < order.size(); ++i)
            for (size_t j = i + 1; j < order.size(); ++j)
                if (order[j].xb < order[i].xb) {
                    const double gapTop = order[j].xa - order[i].xa, gapBottom = order[i].xb - order[j].xb;
                    const double y = ya + (yb - ya) * gapTop / (gapTop + gapBottom);
                    if (y > ya && y < yb) cuts.push_back(y);
                }
        std::sort(cuts.begin(), cuts.end());
        cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
        for (size_t c = 0; c + 1 < cuts.size(); ++c) {
            const double top = cuts[c], bottom = cuts[c + 1], middle = (top + bottom) / 2;
            for (Crossing& o : order) o = {o.edge, o.edge->xAt(top), o.edge->xAt(bottom)};
            std::sort(order.begin(), order.end(),
                      [middle](const Crossing& l, const Crossing& r) { return l.edge->xAt(middle) < r.edge->xAt(middle); });
            trapezoids(order, top, bottom, row);
        }
    }

    /// Edges sorted left to right, not crossing between ya and yb: adds each covered interval.
    void trapezoids(const std::vector<Crossing>& order, double ya, double yb, int row) {
        int inside = 0;
        const Crossing* left = nullptr;
        for (const Crossing& c : order) {
            const bool was = inside > 0;
            char& parity = parity_[static_cast<size_t>(c.edge->part)];
            parity ^= 1;
            inside += parity ? 1 : -1;
            if (!was && inside > 0) left = &c;
            else if (was && inside == 0 && left) addTrapezoid(*left, c, yb - ya, row);
        }
        for (const Crossing& c : order) parity_[static_cast<size_t>(c.edge->part)] = 0;
    }

    /// Adds the area between edges l and r, band height h, to the cells of `row`.
    void addTrapezoid(const Crossing& l, const Crossing& r, double h, int row) {
        const double xmin = std::min(l.xa, l.xb), xmax = std::max(r.xa, r.xb);
        if (xmax <= 0 || xmin >= grid_.columns * width_) return;
        const int first = std::max(0, static_cast<int>(std::floor(xmin / width_)));
        const int last = std::min(grid_.columns - 1, static_cast<int>(std::floor(xmax / width_)));
        // Area of the trapezoid left of x.
        const auto leftOf = [&](double x) { return integralOfMin(r.xa, r.xb, x, h) - integralOfMin(l.xa, l.xb, x, h); };
        double before = leftOf(first * width_);
        double* sums = sums_.data() + static_cast<size_t>(row) * grid_.columns;
        for (int column = first; column <= last; ++column) {
            const double after = leftOf((column + 1) * width_);
            sums[column] += after - before;
            before = after;
        }
    }

    RasterGrid grid_;
    double width_, area_;
    std::vector<char> parity_;
    std::vector<double> sums_;
    std::vector<Edge> edges_;
    std::vector<double> events_;
};

}  // namespace

std::vector<float> AnnotationRasteriser::coverage(const std::vector<const Annotation*>& annotations, const RasterGrid& grid) {
    if (grid.rows <= 0 || grid.columns <= 0) return {};
    if (!(grid.cellSize.width() > 0) || !(grid.cellSize.height() > 0))
        return std::vector<float>(static_cast<size_t>(grid.rows) * grid.columns, 0.0f);
    int parts = 0;
    for (const Annotation* a : annotations)
        if (a && a->isArea()) parts += static_cast<int>(a->parts.size());
    Sweep sweep(grid, parts);
    int part = 0;
    for (const Annotation* a : annotations) {
        if (!a || !a->isArea()) continue;
        for (const PolygonPart& p : a->parts) {
            sweep.addRing(p.outer, part);
            for (const QPolygonF& hole : p.holes) sweep.addRing(hole, part);
            ++part;
        }
    }
    return sweep.run();
}

std::vector<float> AnnotationRasteriser::coverage(const AnnotationSet& set, const QString& group, const RasterGrid& grid) {
    std::vector<const Annotation*> members;
    for (const Annotation& a : set.annotations())
        if (a.group == group) members.push_back(&a);
    return coverage(members, grid);
}

}  // namespace slidesight
