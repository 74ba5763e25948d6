#include "model/nets/torchsavereader_torch.h"
#include "model/common/exceptiontext.h"

#include <caffe2/serialize/inline_container.h>
#include <torch/torch.h>
#include <zip.h>

#include <cstring>
#include <map>
#include <memory>
#include <sstream>
#include <stdexcept>

namespace slidesight::model {

namespace {

// A pickle value of the supported subset. Containers are shared so that the memo and the
// stack see the same dict while SETITEMS fills it.
struct Value;
using ValuePtr = std::shared_ptr<Value>;
struct Value {
    enum class Kind { None, Bool, Int, Float, String, Tuple, List, Dict, Global, Storage, Tensor, Mark };
    Kind kind = Kind::None;
    int64_t integer = 0;
    double real = 0.0;
    std::string text;                                  // String; Global as "module.name"
    std::vector<ValuePtr> items;                       // Tuple, List
    std::vector<std::pair<ValuePtr, ValuePtr>> entries;  // Dict, in insertion order
    torch::Tensor tensor;                              // Storage (1-D), Tensor
};

[[noreturn]] void fail(const std::string& what) { throw std::runtime_error(what); }

// Hard limits, whatever a file declares. A ResNet-34 state dict has 218 entries, tensors of at
// most 4 dimensions and 2.4 million elements, and a pickle of about 30 KB; a grid file holds
// one [K, rows, columns] tensor. These refuse forged files only.
constexpr size_t kMaxStackDepth = 1 << 20;        // values on the pickle stack
constexpr size_t kMaxMemoEntries = 1 << 20;       // values kept in the pickle memo
constexpr size_t kMaxTensorDimensions = 8;
constexpr int64_t kMaxTensorElements = int64_t(1) << 32;

// The archive's entries, checked before LibTorch's reader allocates any of them: torch.save
// stores its records uncompressed, so no record can be larger than the file that holds it
// (a forged size would otherwise make the reader allocate whatever the header says).
void checkArchiveSizes(const std::vector<char>& bytes) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    zip_t* archive = source ? zip_open_from_source(source, ZIP_RDONLY, &error) : nullptr;
    if (!archive) {
        if (source) zip_source_free(source);
        const std::string why = zip_error_strerror(&error);
        zip_error_fini(&error);
        fail("damaged zip archive (" + why + ")");
    }
    zip_error_fini(&error);
    std::string problem;
    const zip_int64_t count = zip_get_num_entries(archive, 0);
    for (zip_int64_t i = 0; i < count && problem.empty(); ++i) {
        zip_stat_t stat;
        zip_stat_init(&stat);
        if (zip_stat_index(archive, static_cast<zip_uint64_t>(i), 0, &stat) != 0 || !(stat.valid & ZIP_STAT_SIZE))
            problem = "damaged zip archive (an entry cannot be read)";
        else if (stat.size > bytes.size())
            problem = std::string("the record \"") + (stat.name ? stat.name : "") + "\" declares " +
                      std::to_string(stat.size) + " bytes, more than the whole file";
    }
    zip_discard(archive);  // also frees the source
    if (!problem.empty()) fail(problem);
}

torch::ScalarType storageType(const std::string& global) {
    static const std::map<std::string, torch::ScalarType> types{
        {"torch.FloatStorage", torch::kFloat32},  {"torch.DoubleStorage", torch::kFloat64},
        {"torch.HalfStorage", torch::kFloat16},   {"torch.BFloat16Storage", torch::kBFloat16},
        {"torch.LongStorage", torch::kInt64},     {"torch.IntStorage", torch::kInt32},
        {"torch.ShortStorage", torch::kInt16},    {"torch.CharStorage", torch::kInt8},
        {"torch.ByteStorage", torch::kUInt8},     {"torch.BoolStorage", torch::kBool},
        {"torch.UntypedStorage", torch::kUInt8},
    };
    const auto it = types.find(global);
    if (it == types.end()) fail("unsupported storage type " + global);
    return it->second;
}

std::vector<int64_t> intTuple(const ValuePtr& v) {
    if (v->kind != Value::Kind::Tuple && v->kind != Value::Kind::List) fail("expected a tuple of sizes");
    std::vector<int64_t> out;
    for (const auto& item : v->items) {
        if (item->kind != Value::Kind::Int) fail("expected integer sizes");
        out.push_back(item->integer);
    }
    return out;
}

class Machine {
public:
    Machine(const std::string& pickle, caffe2::serialize::PyTorchStreamReader& archive)
        : data_(pickle), archive_(archive) {}

    // Every value this machine made is taken apart here, without recursion and without
    // leaks: a forged pickle can nest containers any depth through the memo (destroying them
    // recursively overflows the stack) or put a container inside itself (a reference cycle).
    // Children move to one flat list first, so each value dies with no children left.
    ~Machine() {
        std::vector<ValuePtr> children;
        for (const auto& v : made_) {
            for (auto& item : v->items) children.push_back(std::move(item));
            for (auto& [key, value] : v->entries) {
                children.push_back(std::move(key));
                children.push_back(std::move(value));
            }
            v->items.clear();
            v->entries.clear();
        }
    }
    Machine(const Machine&) = delete;
    Machine& operator=(const Machine&) = delete;

    ValuePtr run() {
        for (;;) {
            const auto op = static_cast<uint8_t>(byte());
            switch (op) {
            case 0x80: byte(); break;  // PROTO
            case 0x95: bytes(8); break;  // FRAME (protocol 4): framing only
            case '.': return pop();      // STOP
            case '(': stack_.push_back(make(Value::Kind::Mark)); break;
            case '0': pop(); break;
            case 'N': stack_.push_back(make(Value::Kind::None)); break;
            case 0x88: case 0x89: {
                auto v = make(Value::Kind::Bool);
                v->integer = op == 0x88;
                stack_.push_back(v);
                break;
            }
            case 'J': pushInt(static_cast<int32_t>(little(4))); break;
            case 'K': pushInt(static_cast<uint8_t>(little(1))); break;
            case 'M': pushInt(static_cast<uint16_t>(little(2))); break;
            case 0x8a: {  // LONG1: n little-endian two's-complement bytes
                const int n = static_cast<uint8_t>(byte());
                if (n > 8) fail("integer too large");
                uint64_t u = n ? little(n) : 0;
                if (n && n < 8 && (u >> (8 * n - 1)) & 1) u |= ~uint64_t(0) << (8 * n);
                pushInt(static_cast<int64_t>(u));
                break;
            }
            case 'G': {  // BINFLOAT, big-endian
                uint64_t u = 0;
                for (int i = 0; i < 8; ++i) u = (u << 8) | static_cast<uint8_t>(byte());
                auto v = make(Value::Kind::Float);
                std::memcpy(&v->real, &u, 8);
                stack_.push_back(v);
                break;
            }
            case 'X': pushString(bytes(static_cast<size_t>(little(4)))); break;
            case 0x8c: pushString(bytes(static_cast<uint8_t>(byte()))); break;
            case 'T': pushString(bytes(static_cast<size_t>(little(4)))); break;
            case 'U': pushString(bytes(static_cast<uint8_t>(byte()))); break;
            case ')': stack_.push_back(make(Value::Kind::Tuple)); break;
            case 't': {
                auto v = make(Value::Kind::Tuple);
                v->items = popToMark();
                stack_.push_back(v);
                break;
            }
            case 0x85: case 0x86: case 0x87: {
                auto v = make(Value::Kind::Tuple);
                v->items.resize(op - 0x84);
                for (size_t i = v->items.size(); i-- > 0;) v->items[i] = pop();
                stack_.push_back(v);
                break;
            }
            case ']': stack_.push_back(make(Value::Kind::List)); break;
            case 'a': { auto item = pop(); top(Value::Kind::List)->items.push_back(item); break; }
            case 'e': {
                auto items = popToMark();
                auto& list = top(Value::Kind::List)->items;
                list.insert(list.end(), items.begin(), items.end());
                break;
            }
            case '}': stack_.push_back(make(Value::Kind::Dict)); break;
            case 's': {
                auto value = pop();
                auto key = pop();
                top(Value::Kind::Dict)->entries.emplace_back(key, value);
                break;
            }
            case 'u': {
                auto items = popToMark();
                if (items.size() % 2) fail("odd SETITEMS");
                auto dict = top(Value::Kind::Dict);
                for (size_t i = 0; i < items.size(); i += 2) dict->entries.emplace_back(items[i], items[i + 1]);
                break;
            }
            case 'c': {
                auto v = make(Value::Kind::Global);
                const std::string module = line();
                v->text = module + "." + line();
                stack_.push_back(v);
                break;
            }
            case 'q': remember(little(1)); break;
            case 'r': remember(little(4)); break;
            case 0x94: remember(memo_.size()); break;  // MEMOIZE
            case 'h': stack_.push_back(memo(little(1))); break;
            case 'j': stack_.push_back(memo(little(4))); break;
            case 'Q': stack_.push_back(persistent(pop())); break;
            case 'R': {
                auto args = pop();
                auto callable = pop();
                stack_.push_back(reduce(callable, args));
                break;
            }
            case 'b': {
                // BUILD sets an object's state; the only object here that has one is the
                // OrderedDict of a state dict (its `_metadata`, module versions), not needed.
                pop();
                if (back()->kind != Value::Kind::Dict) fail("unsupported object state");
                break;
            }
            default: {
                std::ostringstream s;
                s << "unsupported pickle opcode 0x" << std::hex << int(op);
                fail(s.str());
            }
            }
        }
    }

private:
    char byte() {
        if (pos_ >= data_.size()) fail("truncated pickle");
        return data_[pos_++];
    }
    std::string bytes(size_t n) {
        if (n > data_.size() - pos_) fail("truncated pickle");
        std::string out = data_.substr(pos_, n);
        pos_ += n;
        return out;
    }
    uint64_t little(int n) {
        uint64_t u = 0;
        for (int i = 0; i < n; ++i) u |= uint64_t(static_cast<uint8_t>(byte())) << (8 * i);
        return u;
    }
    std::string line() {
        const size_t end = data_.find('\n', pos_);
        if (end == std::string::npos) fail("truncated pickle");
        std::string out = data_.substr(pos_, end - pos_);
        pos_ = end + 1;
        return out;
    }
    void pushInt(int64_t i) {
        auto v = make(Value::Kind::Int);
        v->integer = i;
        stack_.push_back(v);
    }
    void pushString(std::string s) {
        auto v = make(Value::Kind::String);
        v->text = std::move(s);
        stack_.push_back(v);
    }
    void remember(uint64_t key) {
        memo_[key] = back();
        if (memo_.size() > kMaxMemoEntries) fail("the pickle memo holds more than " + std::to_string(kMaxMemoEntries) + " values");
    }
    ValuePtr back() {
        if (stack_.empty()) fail("pickle stack underflow");
        return stack_.back();
    }
    ValuePtr pop() {
        ValuePtr v = back();
        stack_.pop_back();
        return v;
    }
    ValuePtr top(Value::Kind kind) {
        ValuePtr v = back();
        if (v->kind != kind) fail("unexpected pickle structure");
        return v;
    }
    std::vector<ValuePtr> popToMark() {
        std::vector<ValuePtr> items;
        for (;;) {
            ValuePtr v = pop();
            if (v->kind == Value::Kind::Mark) break;
            items.push_back(v);
        }
        return {items.rbegin(), items.rend()};
    }
    ValuePtr memo(uint64_t key) {
        const auto it = memo_.find(key);
        if (it == memo_.end()) fail("bad pickle memo reference");
        return it->second;
    }

    // ('storage', storage type, key, location, numel): the bytes live in record data/<key>.
    ValuePtr persistent(const ValuePtr& id) {
        if (id->kind != Value::Kind::Tuple || id->items.size() < 5 || id->items[0]->text != "storage" ||
            id->items[1]->kind != Value::Kind::Global)
            fail("unsupported persistent object");
        const std::string key = id->items[2]->text;
        const auto cached = storages_.find(key);
        if (cached != storages_.end()) return cached->second;
        const torch::ScalarType type = storageType(id->items[1]->text);
        const int64_t numel = id->items[4]->integer;
        auto record = archive_.getRecord("data/" + key);
        const size_t size = std::get<1>(record);
        // The element count comes from the pickle: checked against the record's real size
        // before anything is allocated, so that a forged count cannot ask for terabytes.
        const size_t elementSize = c10::elementSize(type);
        if (numel < 0 || static_cast<uint64_t>(numel) > size / elementSize || static_cast<size_t>(numel) * elementSize != size)
            fail("storage " + key + " has the wrong size");
        auto storage = make(Value::Kind::Storage);
        storage->tensor = torch::empty({numel}, torch::TensorOptions().dtype(type));
        std::memcpy(storage->tensor.data_ptr(), std::get<0>(record).get(), size);
        storages_[key] = storage;
        return storage;
    }

    // A tensor's shape is the file's word: it must fit the storage it views, without overflow,
    // and stay within kMaxTensorDimensions and kMaxTensorElements.
    static void checkView(const std::vector<int64_t>& sizes, const std::vector<int64_t>& strides, int64_t offset,
                          int64_t storageElements) {
        if (sizes.size() != strides.size()) fail("bad tensor record (sizes and strides differ in length)");
        if (sizes.size() > kMaxTensorDimensions)
            fail("a tensor has " + std::to_string(sizes.size()) + " dimensions; at most " + std::to_string(kMaxTensorDimensions) + " are read");
        if (offset < 0 || offset > storageElements) fail("bad tensor record (storage offset)");
        int64_t elements = 1, last = offset;  // last: the highest element index the view reaches
        for (size_t d = 0; d < sizes.size(); ++d) {
            if (sizes[d] < 0 || strides[d] < 0) fail("bad tensor record (negative size or stride)");
            if (sizes[d] == 0) return;  // an empty tensor reads nothing
            if (sizes[d] > kMaxTensorElements / elements)
                fail("a tensor has more than " + std::to_string(kMaxTensorElements) + " elements");
            elements *= sizes[d];
            if (strides[d] > 0 && sizes[d] - 1 > (storageElements - last) / strides[d])
                fail("bad tensor record (the tensor reaches past its storage)");
            last += (sizes[d] - 1) * strides[d];
        }
        if (last >= storageElements) fail("bad tensor record (the tensor reaches past its storage)");
    }

    ValuePtr reduce(const ValuePtr& callable, const ValuePtr& args) {
        if (callable->kind != Value::Kind::Global || args->kind != Value::Kind::Tuple) fail("unsupported object");
        const std::string& name = callable->text;
        if (name == "collections.OrderedDict") return make(Value::Kind::Dict);
        if (name == "torch._utils._rebuild_tensor_v2") {
            // (storage, storage_offset, size, stride, requires_grad, backward_hooks[, metadata])
            if (args->items.size() < 4 || args->items[0]->kind != Value::Kind::Storage) fail("bad tensor record");
            auto t = make(Value::Kind::Tensor);
            const torch::Tensor& storage = args->items[0]->tensor;
            const std::vector<int64_t> sizes = intTuple(args->items[2]), strides = intTuple(args->items[3]);
            const int64_t offset = args->items[1]->kind == Value::Kind::Int ? args->items[1]->integer : -1;
            checkView(sizes, strides, offset, storage.numel());
            t->tensor = storage.as_strided(sizes, strides, offset);
            return t;
        }
        if (name == "torch.jit._pickle.restore_type_tag") {
            // LibTorch's pickle_save wraps typed containers: (value, "Dict[str, Tensor]").
            if (args->items.empty()) fail("bad type tag");
            return args->items[0];
        }
        if (name == "torch._utils._rebuild_parameter") {
            if (args->items.empty() || args->items[0]->kind != Value::Kind::Tensor) fail("bad parameter record");
            return args->items[0];
        }
        fail("unsupported object " + name);
    }

    ValuePtr make(Value::Kind kind) {
        // Every opcode makes at most one value and pushes at most one: bounding what is made
        // bounds the stack, and whatever a container holds.
        if (stack_.size() >= kMaxStackDepth) fail("the pickle stack is deeper than " + std::to_string(kMaxStackDepth) + " values");
        auto v = std::make_shared<Value>();
        v->kind = kind;
        made_.push_back(v);
        return v;
    }

    const std::string& data_;
    caffe2::serialize::PyTorchStreamReader& archive_;
    std::vector<ValuePtr> made_;  // every value, for the teardown above
    size_t pos_ = 0;
    std::vector<ValuePtr> stack_;
    std::map<uint64_t, ValuePtr> memo_;
    std::map<std::string, ValuePtr> storages_;
};

}  // namespace

Expected<std::vector<TorchSaveReader::MixedEntry>> TorchSaveReader::readDict(const std::vector<char>& bytes) {
    using Result = Expected<std::vector<MixedEntry>>;
    // A zip archive starts with "PK\3\4"; torch.save wrote a different, legacy format before 1.6.
    if (bytes.size() < 4 || std::memcmp(bytes.data(), "PK\x03\x04", 4) != 0)
        return Result::failure("not a torch.save zip archive (files from PyTorch before 1.6 must be re-saved)");
    try {
        checkArchiveSizes(bytes);
        std::istringstream stream(std::string(bytes.begin(), bytes.end()));
        caffe2::serialize::PyTorchStreamReader archive(&stream);
        if (archive.hasRecord("byteorder")) {
            auto order = archive.getRecord("byteorder");
            const std::string text(static_cast<const char*>(std::get<0>(order).get()), std::get<1>(order));
            if (text != "little") return Result::failure("big-endian tensor data is not supported");
        }
        auto pickle = archive.getRecord("data.pkl");
        const std::string data(static_cast<const char*>(std::get<0>(pickle).get()), std::get<1>(pickle));
        Machine machine(data, archive);
        const ValuePtr root = machine.run();
        if (root->kind != Value::Kind::Dict) return Result::failure("the file does not hold a dict");
        std::vector<MixedEntry> entries;
        for (const auto& [key, value] : root->entries) {
            if (key->kind != Value::Kind::String)
                return Result::failure("the dict has a key that is not a string");
            if (value->kind == Value::Kind::Tensor)
                entries.emplace_back(key->text, value->tensor);
            else if (value->kind == Value::Kind::String)
                entries.emplace_back(key->text, value->text);
            else
                return Result::failure("the dict entry \"" + key->text + "\" is neither a tensor nor a string");
        }
        return entries;
    } catch (const std::exception& e) {
        return Result::failure(firstLine(e));
    }
}

Expected<std::vector<TorchSaveReader::Entry>> TorchSaveReader::readTensorDict(const std::vector<char>& bytes) {
    using Result = Expected<std::vector<Entry>>;
    auto mixed = readDict(bytes);
    if (!mixed) return Result::failure(mixed.error());
    std::vector<Entry> entries;
    for (auto& [key, value] : *mixed) {
        if (!std::holds_alternative<torch::Tensor>(value))
            return Result::failure("the dict holds something other than named tensors");
        entries.emplace_back(key, std::get<torch::Tensor>(value));
    }
    return entries;
}

}  // namespace slidesight::model
