#include "model/training/trainingcheckpoint_torch.h"

#include "model/common/atomicfile.h"

#include <torch/torch.h>

#include <filesystem>
#include <sstream>

namespace slidesight::model {

namespace {

constexpr int64_t kFormat = 1;

torch::Tensor doubles(const std::vector<double>& values) {
    return torch::tensor(values, torch::kDouble);
}

std::vector<double> asDoubles(const torch::Tensor& t) {
    const torch::Tensor d = t.to(torch::kDouble).contiguous();
    return std::vector<double>(d.data_ptr<double>(), d.data_ptr<double>() + d.numel());
}

torch::Tensor integers(const std::vector<int64_t>& values) { return torch::tensor(values, torch::kInt64); }

std::vector<int64_t> asIntegers(const torch::Tensor& t) {
    const torch::Tensor d = t.to(torch::kInt64).contiguous();
    return std::vector<int64_t>(d.data_ptr<int64_t>(), d.data_ptr<int64_t>() + d.numel());
}

torch::Tensor text(const std::string& s) {
    return torch::from_blob(const_cast<char*>(s.data()), {static_cast<int64_t>(s.size())}, torch::kUInt8).clone();
}

std::string toText(const torch::Tensor& t) {
    const torch::Tensor b = t.to(torch::kUInt8).contiguous();
    return std::string(reinterpret_cast<const char*>(b.data_ptr<uint8_t>()), static_cast<size_t>(b.numel()));
}

torch::Tensor readTensor(torch::serialize::InputArchive& archive, const std::string& key) {
    torch::Tensor t;
    archive.read(key, t);
    return t;
}

}  // namespace

Expected<bool> writeCheckpoint(const std::string& path, const CheckpointState& state, const torch::nn::Module& module,
                               const torch::optim::Optimizer& optimizer) {
    try {
        torch::serialize::OutputArchive archive;
        archive.write("format", torch::tensor(kFormat));
        archive.write("fingerprint", text(state.fingerprint));
        archive.write("run", torch::tensor(static_cast<int64_t>(state.run)));
        archive.write("epochs_done", torch::tensor(static_cast<int64_t>(state.epochsDone)));
        archive.write("losses", doubles(state.losses));
        archive.write("metrics", doubles(state.metrics));
        archive.write("finished", torch::tensor(static_cast<int64_t>(state.finished.size())));
        for (size_t i = 0; i < state.finished.size(); ++i) {
            const FinishedRun& r = state.finished[i];
            const std::string p = "finished_" + std::to_string(i) + "_";
            archive.write(p + "fold_init", integers({r.fold, r.init}));
            archive.write(p + "metric", torch::tensor(r.metric, torch::kDouble));
            archive.write(p + "held_out", integers(r.heldOut));
            archive.write(p + "scores", doubles(r.scores));
            archive.write(p + "losses", doubles(r.losses));
            archive.write(p + "metrics", doubles(r.metrics));
            archive.write(p + "weights", text(r.weightsPath));
        }
        if (state.epochsDone > 0) {
            torch::serialize::OutputArchive model, optim;
            module.save(model);
            optimizer.save(optim);
            archive.write("model", model);
            archive.write("optimizer", optim);
        }
        std::ostringstream out;
        archive.save_to(out);
        const std::string bytes = out.str();
        return writeFileAtomically(path, bytes.data(), bytes.size(), "the training checkpoint");
    } catch (const std::exception& e) {
        return Expected<bool>::failure("Cannot write the training checkpoint \"" + path + "\": " + e.what());
    }
}

Expected<CheckpointState> readCheckpointState(const std::string& path) {
    using State = Expected<CheckpointState>;
    try {
        torch::serialize::InputArchive archive;
        archive.load_from(path);
        if (readTensor(archive, "format").item<int64_t>() != kFormat)
            return State::failure("The training checkpoint \"" + path + "\" has another format.");
        CheckpointState state;
        state.fingerprint = toText(readTensor(archive, "fingerprint"));
        state.run = static_cast<int>(readTensor(archive, "run").item<int64_t>());
        state.epochsDone = static_cast<int>(readTensor(archive, "epochs_done").item<int64_t>());
        state.losses = asDoubles(readTensor(archive, "losses"));
        state.metrics = asDoubles(readTensor(archive, "metrics"));
        const int64_t finished = readTensor(archive, "finished").item<int64_t>();
        for (int64_t i = 0; i < finished; ++i) {
            const std::string p = "finished_" + std::to_string(i) + "_";
            FinishedRun r;
            const std::vector<int64_t> foldInit = asIntegers(readTensor(archive, p + "fold_init"));
            r.fold = static_cast<int>(foldInit.at(0));
            r.init = static_cast<int>(foldInit.at(1));
            r.metric = readTensor(archive, p + "metric").item<double>();
            r.heldOut = asIntegers(readTensor(archive, p + "held_out"));
            r.scores = asDoubles(readTensor(archive, p + "scores"));
            r.losses = asDoubles(readTensor(archive, p + "losses"));
            r.metrics = asDoubles(readTensor(archive, p + "metrics"));
            r.weightsPath = toText(readTensor(archive, p + "weights"));
            state.finished.push_back(std::move(r));
        }
        return state;
    } catch (const std::exception&) {
        return State::failure("Cannot read the training checkpoint \"" + path + "\": it is damaged or not a checkpoint.");
    }
}

Expected<bool> loadCheckpointModel(const std::string& path, torch::nn::Module& module, torch::optim::Optimizer& optimizer) {
    try {
        torch::serialize::InputArchive archive, model, optim;
        archive.load_from(path);
        archive.read("model", model);
        archive.read("optimizer", optim);
        module.load(model);
        optimizer.load(optim);
        return true;
    } catch (const std::exception&) {
        return Expected<bool>::failure("Cannot restore the classifier from the training checkpoint \"" + path +
                                       "\": it does not fit these options.");
    }
}

Expected<RunCheckpoint> startRunCheckpoint(const std::string& folder, const std::string& fileName,
                                           const std::string& fingerprint, bool resume, const std::string& inputs) {
    namespace fs = std::filesystem;
    using Result = Expected<RunCheckpoint>;
    std::error_code error;
    fs::create_directories(folder, error);
    if (!fs::is_directory(folder)) return Result::failure("Cannot create the run folder \"" + folder + "\".");
    RunCheckpoint c;
    c.path = (fs::path(folder) / fileName).string();
    c.state.fingerprint = fingerprint;
    if (!fs::exists(c.path)) return c;
    if (!resume)
        return Result::failure("The run folder \"" + folder + "\" holds the checkpoint of an earlier run: give --resume "
                               "to continue it, or remove the folder to start again.");
    auto saved = readCheckpointState(c.path);
    if (!saved) return Result::failure(saved.error());
    if (saved->fingerprint != fingerprint)
        return Result::failure("The checkpoint in \"" + folder + "\" was made with other options or " + inputs +
                               "; resume with the same ones, or remove the folder.");
    c.state = std::move(*saved);
    c.resumed = true;
    return c;
}

}  // namespace slidesight::model
