#include "model/lran/lransession.h"

#include "model/common/weightsorigin.h"
#include "model/extraction/inferencedevice_torch.h"
#include "model/extraction/patchreader.h"
#include "model/grid/gridgeometry.h"
#include "model/lran/lran_torch.h"
#include "model/nets/statedict_torch.h"
#include "viewer/slide/openslidesource.h"
#include "model/common/exceptiontext.h"

#include <torch/torch.h>

#include <algorithm>
#include <thread>

namespace slidesight::model {

/// The network a session runs and where its weights came from. Outside the anonymous
/// namespace because LranSession::State, which has external linkage, holds one.
struct LranSessionNetwork {
    Lran net{nullptr};
    WeightsOrigin origin;
};

namespace {

using Network = LranSessionNetwork;

template <typename T>
Expected<T> failed(LranOpenFailure* kind, LranOpenFailure what, std::string message) {
    if (kind) *kind = what;
    return Expected<T>::failure(std::move(message));
}

Expected<Network> openNetwork(const LranSessionOptions& o) {
    using Opened = Expected<Network>;
    const auto variant = LranConfig::parseVariant(o.network);
    if (!variant) return Opened::failure(variant.error());
    const auto seed = randomWeightsSeed(o.weights);
    if (!seed) return Opened::failure(seed.error());
    LranConfig config;
    config.variant = *variant;
    config.classes = o.classes > 0 ? o.classes : 4;
    if (!o.widths.empty()) {
        const auto widths = LranConfig::parseWidths(o.widths);
        if (!widths) return Opened::failure(widths.error());
        config.setWidths(*widths);
    }
    Network out;
    if (*seed) {
        out.net = Lran(config);
        out.net->initialiseRandom(**seed);
        out.origin.description = o.network + " " + o.weights + " (untrained)";
        return out;
    }
    const auto dict = StateDict::read(o.weights);
    if (!dict) return Opened::failure(dict.error());
    const torch::Tensor fc = dict->find("fc.weight");
    if (o.classes <= 0 && fc.defined() && fc.dim() == 2) config.classes = fc.size(0);
    if (o.widths.empty()) config.setWidths(LranConfig::widthsOf(*dict));
    out.net = Lran(config);
    const auto loaded = dict->loadInto(*out.net);
    if (!loaded)
        return Opened::failure("The weights \"" + o.weights + "\" do not fit " + o.network + " (" + config.widthsName() +
                               " widths) with " + std::to_string(config.classes) + " classes: " + loaded.error());
    const auto origin = weightsFileOrigin(o.weights, o.network + " " + o.weights);
    if (!origin) return Opened::failure(origin.error());
    out.origin = *origin;
    return out;
}

std::vector<std::string> classNames(const LranSessionOptions& o, int64_t classes) {
    if (static_cast<int64_t>(o.classNames.size()) == classes) return o.classNames;
    if (classes == 4) return LranConfig::bachClassNames();
    std::vector<std::string> names;
    for (int64_t c = 0; c < classes; ++c) names.push_back("class " + std::to_string(c));
    return names;
}

/// The side of B(x) for a side of `p` input pixels: ResNet's five stride-2 steps, each
/// rounding up (conv1, the max pool, layer2, layer3, layer4).
int featureSide(int p) {
    for (int step = 0; step < 5; ++step) p = (p + 1) / 2;
    return p;
}

std::vector<float> toVector(const torch::Tensor& t) {
    const torch::Tensor cpu = t.detach().to(torch::kCPU, torch::kFloat32).contiguous();
    return std::vector<float>(cpu.data_ptr<float>(), cpu.data_ptr<float>() + cpu.numel());
}

}  // namespace

struct LranSession::State {
    std::shared_ptr<const SlideSource> slide;
    GridGeometry geometry;
    std::unique_ptr<PatchReader> reader;
    LranSessionNetwork network;
    InferenceDevice device;
    int64_t camClass = -1;
    LranCamTarget camTarget = LranCamTarget::Features;
    LranSessionInfo info;
    std::vector<uint8_t> done;
    int64_t doneCount = 0;

    LranPatchResult patch(const LranResult& result, int64_t i, int row, int column) const;
};

LranSession::LranSession(std::unique_ptr<State> state) : state_(std::move(state)) {}
LranSession::~LranSession() = default;

Expected<std::shared_ptr<LranSession>> LranSession::open(const LranSessionOptions& o, LranOpenFailure* kind) {
    using R = std::shared_ptr<LranSession>;
    if (kind) *kind = LranOpenFailure::None;
    const auto other = LranOpenFailure::Other;
    const auto camTarget = LranConfig::parseCamTarget(o.camTarget);
    if (!camTarget) return failed<R>(kind, other, camTarget.error());
    auto opened = OpenSlideSource::open(o.slidePath);
    if (!opened) return failed<R>(kind, other, opened.error());
    if (o.slideMpp > 0.0) (*opened)->setUserMpp(o.slideMpp);
    auto state = std::make_unique<State>();
    state->slide = *opened;
    const Mpp slideMpp = state->slide->mpp();
    if (!slideMpp.known())
        return failed<R>(kind, LranOpenFailure::MppUnknown,
                         "The slide \"" + o.slidePath + "\" records no µm/px, and patches are cut at " +
                             std::to_string(o.mpp) + " µm/px: give the scan's µm/px.");
    const auto tissue = TissueDetector(o.tissue).detect(*state->slide);
    if (!tissue) return failed<R>(kind, other, tissue.error());

    LranSessionInfo& s = state->info;
    s.slideMpp = slideMpp.average();
    s.slideMppAssumed = slideMpp.assumed();
    s.patchMpp = o.mpp;
    s.patchSize = o.patchSize;
    s.slide = state->slide->info().identity;
    s.tissueSaturationThreshold = tissue->saturationThreshold;
    RectD region{o.region[0], o.region[1], o.region[2], o.region[3]};
    if (!o.hasRegion) {
        if (!tissue->hasTissue())
            return failed<R>(kind, LranOpenFailure::NoTissue, "No tissue was found on \"" + o.slidePath + "\".");
        region = tissue->levelZeroBox;
        s.regionFromTissue = true;
    }
    GridParameters gridParameters;
    gridParameters.targetMpp = o.mpp;
    gridParameters.patchSize = o.patchSize;
    const auto geometry = GridGeometry::create(slideMpp, region, gridParameters);
    if (!geometry) return failed<R>(kind, other, geometry.error());
    state->geometry = *geometry;
    auto network = openNetwork(o);
    if (!network) return failed<R>(kind, other, network.error());
    state->network = *network;
    const int64_t classes = network->net->config().classes;
    if (o.camClass >= classes)
        return failed<R>(kind, other,
                         "The CAM class " + std::to_string(o.camClass) + " is out of range (the weights have " +
                             std::to_string(classes) + " classes).");
    state->camClass = o.camClass;
    state->camTarget = *camTarget;
    const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    const auto device = InferenceDevice::choose(o.device, 0, o.torchThreads > 0 ? o.torchThreads : cores, 1);
    if (!device) return failed<R>(kind, other, device.error());
    state->device = *device;

    s.region[0] = region.x, s.region[1] = region.y, s.region[2] = region.width, s.region[3] = region.height;
    s.rows = geometry->rows();
    s.columns = geometry->columns();
    s.origin[0] = geometry->originX(), s.origin[1] = geometry->originY();
    s.cellSize[0] = geometry->cellLevelZeroWidth(), s.cellSize[1] = geometry->cellLevelZeroHeight();
    s.mapHeight = s.mapWidth = featureSide(o.patchSize);
    s.maskChannels = network->net->config().branch.maskChannels;
    s.classes = classes;
    s.classNames = classNames(o, classes);
    s.network = o.network;
    s.widths = network->net->config().widthsName();
    s.camTarget = LranConfig::name(*camTarget);
    s.gated = network->net->config().variant == LranVariant::Lran;
    s.weights = network->origin.description;
    s.weightsSha256 = network->origin.sha256;
    s.trained = network->origin.trained;
    s.device = device->name();
    s.batchSize = device->batchSize;
    s.torchThreads = device->torchThreads;
    s.tissue.resize(static_cast<size_t>(s.rows) * s.columns);
    for (int r = 0; r < s.rows; ++r)
        for (int c = 0; c < s.columns; ++c)
            s.tissue[static_cast<size_t>(r) * s.columns + c] =
                static_cast<float>(tissue->fractionIn(geometry->cellLevelZeroRect(r, c)));
    state->done.assign(s.tissue.size(), 0);
    state->reader = std::make_unique<PatchReader>(state->slide, *geometry);
    try {
        state->network.net->to(device->device);
        state->network.net->eval();
    } catch (const std::exception& e) {
        return failed<R>(kind, other, "The network cannot be moved to " + device->name() + ": " +
                                          firstLine(e));
    }
    return R(new LranSession(std::move(state)));
}

const LranSessionInfo& LranSession::info() const { return state_->info; }

float LranSession::tissueFraction(int row, int column) const {
    return state_->info.tissue[static_cast<size_t>(row) * state_->info.columns + column];
}

std::vector<std::pair<int, int>> LranSession::tissueCells() const {
    std::vector<std::pair<int, int>> cells;
    for (int r = 0; r < state_->info.rows; ++r)
        for (int c = 0; c < state_->info.columns; ++c)
            if (tissueFraction(r, c) > 0.0f) cells.emplace_back(r, c);
    return cells;
}

bool LranSession::isDone(int row, int column) const {
    return state_->done[static_cast<size_t>(row) * state_->info.columns + column] != 0;
}

int64_t LranSession::doneCount() const { return state_->doneCount; }

LranPatchResult LranSession::State::patch(const LranResult& result, int64_t i, int row, int column) const {
    LranPatchResult p;
    p.row = row;
    p.column = column;
    const torch::Tensor logits = result.logits[i].detach().to(torch::kCPU, torch::kFloat32);
    p.probabilities = toVector(torch::softmax(logits, 0));
    p.predicted = logits.argmax().item<int64_t>();
    p.camClass = result.camClasses[i].item<int64_t>();
    p.mask = toVector(result.mask[i]);
    for (const auto& gate : result.gates)
        p.gates.push_back(LranGateMap{static_cast<int>(gate.size(2)), static_cast<int>(gate.size(3)), toVector(gate[i][0])});
    p.cam = toVector(result.cam[i]);
    return p;
}

Expected<int64_t> LranSession::run(const std::vector<std::pair<int, int>>& cells, int batchSize,
                                   const LranBatchCallback& callback, const std::atomic<bool>* cancel) {
    using R = Expected<int64_t>;
    State& s = *state_;
    const LranSessionInfo& info = s.info;
    std::vector<std::pair<int, int>> todo;
    std::vector<uint8_t> queued(s.done);
    for (const auto& [row, column] : cells) {
        if (row < 0 || column < 0 || row >= info.rows || column >= info.columns)
            return R::failure("The patch (" + std::to_string(row) + ", " + std::to_string(column) +
                              ") is outside the " + std::to_string(info.rows) + " x " +
                              std::to_string(info.columns) + " grid.");
        uint8_t& q = queued[static_cast<size_t>(row) * info.columns + column];
        if (!q) todo.emplace_back(row, column);
        q = 1;
    }
    const int64_t total = static_cast<int64_t>(todo.size()), p = info.patchSize;
    const int64_t batch = batchSize > 0 ? batchSize : s.device.batchSize;
    int64_t run = 0;
    try {
        TorchThreadScope threads(s.device.torchThreads);
        for (int64_t first = 0; first < total; first += batch) {
            if (cancel && cancel->load()) break;
            const int64_t n = std::min(batch, total - first);
            torch::Tensor input = torch::empty({n, 3, p, p});
            for (int64_t i = 0; i < n; ++i) {
                const auto [row, column] = todo[static_cast<size_t>(first + i)];
                const auto read = s.reader->readNormalised(row, column, input[i].data_ptr<float>());
                if (!read) return R::failure(read.error());
            }
            const auto result = s.network.net->forwardWithCam(
                input.to(s.device.device), s.camClass < 0 ? GradCam::kPredictedClass : s.camClass, s.camTarget);
            if (!result) return R::failure(result.error());
            LranBatchResult out;
            out.mapHeight = info.mapHeight;
            out.mapWidth = info.mapWidth;
            out.maskChannels = info.maskChannels;
            if (result->cam.size(1) != info.mapHeight || result->cam.size(2) != info.mapWidth)
                return R::failure("The network's maps are " + std::to_string(result->cam.size(1)) + " x " +
                                  std::to_string(result->cam.size(2)) + ", not the expected " +
                                  std::to_string(info.mapHeight) + " x " + std::to_string(info.mapWidth) + ".");
            for (int64_t i = 0; i < n; ++i) {
                const auto [row, column] = todo[static_cast<size_t>(first + i)];
                out.patches.push_back(s.patch(*result, i, row, column));
                s.done[static_cast<size_t>(row) * info.columns + column] = 1;
            }
            s.doneCount += n;
            run += n;
            if (callback) callback(out);
        }
    } catch (const std::exception& e) {
        return R::failure("The LRAN run failed: " + firstLine(e));
    }
    return run;
}

}  // namespace slidesight::model
