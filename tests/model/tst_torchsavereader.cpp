// The torch.save reader against forged files: archives and pickles built byte by byte here
// (LibTorch's own zip writer, a hand-written pickle), one valid and one past each hard limit,
// so that every refusal is the sentence it should be and nothing is allocated for a size the
// file only declares.

#include "common/suite.h"

#ifndef Q_MOC_RUN
#include "model/nets/torchsavereader_torch.h"

#include <QtTest/QtTest>

#include <caffe2/serialize/inline_container.h>
#include <torch/torch.h>

#include <cstdint>
#include <cstring>
#include <string>
#include <vector>
#endif  // Q_MOC_RUN

using slidesight::model::TorchSaveReader;

namespace {

/// Pickle protocol 2, the opcodes a state dict uses.
struct Pickle {
    std::string bytes = "\x80\x02";

    Pickle& op(const std::string& code) { bytes += code; return *this; }
    Pickle& string(const std::string& text) {
        bytes += 'X';
        little(static_cast<uint32_t>(text.size()));
        bytes += text;
        return *this;
    }
    Pickle& integer(int64_t value) {
        if (value >= 0 && value < 256) {
            bytes += 'K';
            bytes += static_cast<char>(value);
        } else {
            bytes += 'J';
            little(static_cast<uint32_t>(static_cast<int32_t>(value)));
        }
        return *this;
    }
    Pickle& tuple(const std::vector<int64_t>& values) {
        op("(");
        for (const int64_t v : values) integer(v);
        return op("t");
    }
    /// torch._utils._rebuild_tensor_v2(storage "0" of `numel` floats, offset, sizes, strides).
    Pickle& tensor(int64_t numel, int64_t offset, const std::vector<int64_t>& sizes, const std::vector<int64_t>& strides) {
        op("ctorch._utils\n_rebuild_tensor_v2\n(");
        op("(").string("storage").op("ctorch\nFloatStorage\n").string("0").string("cpu").integer(numel).op("tQ");
        integer(offset).tuple(sizes).tuple(strides);
        return op("\x89)tR");
    }

private:
    void little(uint32_t value) {
        for (int i = 0; i < 4; ++i) bytes += static_cast<char>((value >> (8 * i)) & 0xff);
    }
};

/// A torch.save archive: data.pkl and data/0 holding `floats` float32 values 0, 1, 2, ...
std::vector<char> archive(const std::string& pickle, int floats = 4) {
    std::vector<char> out;
    caffe2::serialize::PyTorchStreamWriter writer([&out](const void* data, size_t size) {
        const char* bytes = static_cast<const char*>(data);
        out.insert(out.end(), bytes, bytes + size);
        return size;
    });
    std::vector<float> values(static_cast<size_t>(floats));
    for (int i = 0; i < floats; ++i) values[static_cast<size_t>(i)] = static_cast<float>(i);
    writer.writeRecord("data.pkl", pickle.data(), pickle.size());
    writer.writeRecord("data/0", values.data(), values.size() * sizeof(float));
    writer.writeEndOfFile();
    return out;
}

/// {"w": tensor(...)} as a whole pickle.
std::string dictWith(Pickle tensor) {
    Pickle p;
    p.op("}").string("w");
    p.bytes += tensor.bytes.substr(2);
    return p.op("s.").bytes;
}

std::string tensorDict(int64_t numel, int64_t offset, const std::vector<int64_t>& sizes, const std::vector<int64_t>& strides) {
    return dictWith(Pickle().tensor(numel, offset, sizes, strides));
}

QString errorOf(const std::vector<char>& bytes) {
    const auto read = TorchSaveReader::readTensorDict(bytes);
    return read ? QStringLiteral("(read without error)") : QString::fromStdString(read.error());
}

}  // namespace

class TestTorchSaveReader : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void handWrittenFileIsRead() {
        // The builder itself is right: a 2 x 2 view of the storage 0, 1, 2, 3.
        const auto read = TorchSaveReader::readTensorDict(archive(tensorDict(4, 0, {2, 2}, {2, 1})));
        QVERIFY2(read.ok(), read.ok() ? "" : read.error().c_str());
        QCOMPARE(read->size(), size_t(1));
        QCOMPARE(QString::fromStdString(read->front().first), QStringLiteral("w"));
        QVERIFY(torch::equal(read->front().second, torch::tensor({0.0f, 1.0f, 2.0f, 3.0f}).view({2, 2})));
        // The transposed view and a view from an offset.
        const auto transposed = TorchSaveReader::readTensorDict(archive(tensorDict(4, 0, {2, 2}, {1, 2})));
        QVERIFY(transposed.ok());
        QVERIFY(torch::equal(transposed->front().second, torch::tensor({0.0f, 2.0f, 1.0f, 3.0f}).view({2, 2})));
        const auto tail = TorchSaveReader::readTensorDict(archive(tensorDict(4, 3, {1}, {1})));
        QVERIFY(tail.ok());
        QCOMPARE(tail->front().second.item<float>(), 3.0f);
    }

    void tensorShapesAreChecked_data() {
        QTest::addColumn<QByteArray>("pickle");
        QTest::addColumn<QString>("message");
        const auto row = [](const char* name, const std::string& pickle, const char* message) {
            QTest::newRow(name) << QByteArray::fromStdString(pickle) << QString::fromUtf8(message);
        };
        row("past the storage", tensorDict(4, 0, {3, 2}, {2, 1}), "bad tensor record (the tensor reaches past its storage)");
        row("offset past the storage", tensorDict(4, 5, {1}, {1}), "bad tensor record (storage offset)");
        row("offset at the end", tensorDict(4, 4, {1}, {1}), "bad tensor record (the tensor reaches past its storage)");
        row("negative size", tensorDict(4, 0, {-1}, {1}), "bad tensor record (negative size or stride)");
        row("negative stride", tensorDict(4, 3, {2}, {-1}), "bad tensor record (negative size or stride)");
        row("sizes and strides differ", tensorDict(4, 0, {2, 2}, {1}), "bad tensor record (sizes and strides differ in length)");
        row("nine dimensions", tensorDict(4, 0, std::vector<int64_t>(9, 1), std::vector<int64_t>(9, 1)),
            "a tensor has 9 dimensions; at most 8 are read");
        row("2^33 elements of stride 0", tensorDict(4, 0, {65536, 65536, 2}, {0, 0, 0}),
            "a tensor has more than 4294967296 elements");
        row("storage count not the record's", tensorDict(5, 0, {1}, {1}), "storage 0 has the wrong size");
    }

    void tensorShapesAreChecked() {
        QFETCH(QByteArray, pickle);
        QFETCH(QString, message);
        QCOMPARE(errorOf(archive(pickle.toStdString())), message);
    }

    void emptyTensorsAreRead() {
        // A zero-size dimension reads nothing, whatever the other sizes say.
        const auto read = TorchSaveReader::readTensorDict(archive(tensorDict(4, 0, {0, 1000000}, {1000000, 1})));
        QVERIFY2(read.ok(), read.ok() ? "" : read.error().c_str());
        QCOMPARE(read->front().second.numel(), int64_t(0));
    }

    void pickleStackAndMemoAreBounded() {
        const size_t limit = size_t(1) << 20;
        // One value more than the stack may hold.
        std::string deep = "\x80\x02" + std::string(limit + 1, 'N') + ".";
        QCOMPARE(errorOf(archive(deep)), QStringLiteral("the pickle stack is deeper than 1048576 values"));
        std::string fits = "\x80\x02" + std::string(limit, 'N') + ".";
        QCOMPARE(errorOf(archive(fits)), QStringLiteral("the file does not hold a dict"));
        // One memo entry more than the memo may hold (MEMOIZE of one value, again and again).
        std::string memo = "\x80\x02N" + std::string(limit + 1, '\x94') + ".";
        QCOMPARE(errorOf(archive(memo)), QStringLiteral("the pickle memo holds more than 1048576 values"));
    }

    void forgedRecordSizeIsRefusedBeforeAllocating() {
        std::vector<char> bytes = archive(tensorDict(4, 0, {2, 2}, {2, 1}));
        // The central directory entry of archive/data/0: its uncompressed size (offset 24)
        // claims 2 GB. LibTorch's reader would allocate that much before reading.
        const std::string name = "archive/data/0";
        bool patched = false;
        for (size_t i = 0; i + 46 + name.size() <= bytes.size(); ++i) {
            if (std::memcmp(&bytes[i], "PK\x01\x02", 4) != 0) continue;
            uint16_t nameLength = 0;
            std::memcpy(&nameLength, &bytes[i + 28], 2);
            if (nameLength != name.size() || std::memcmp(&bytes[i + 46], name.data(), name.size()) != 0) continue;
            const uint32_t forged = 0x7ffffff0u;
            std::memcpy(&bytes[i + 24], &forged, 4);
            patched = true;
        }
        QVERIFY(patched);
        QCOMPARE(errorOf(bytes), QStringLiteral("the record \"archive/data/0\" declares 2147483632 bytes, more than the whole file"));
    }
};

SLIDESIGHT_APPLESS_TEST_SUITE(TestTorchSaveReader)

#include "tst_torchsavereader.moc"
