#pragma once

// Reads a command's torch.save result file back in C++ (TorchSaveReader::readDict), for the
// command-line tests.

#include "model/nets/torchsavereader_torch.h"

#include <QtCore/QFile>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QString>

#include <map>
#include <string>

namespace slidesight::test {

struct ResultFileContents {
    std::map<std::string, torch::Tensor> tensors;
    std::map<std::string, std::string> strings;
    QString error;  ///< empty when the file was read

    torch::Tensor tensor(const std::string& key) const {
        const auto it = tensors.find(key);
        return it == tensors.end() ? torch::Tensor() : it->second;
    }
    /// The JSON object held in a string entry.
    QJsonObject json(const std::string& key) const {
        const auto it = strings.find(key);
        if (it == strings.end()) return {};
        return QJsonDocument::fromJson(QByteArray::fromStdString(it->second)).object();
    }
};

inline ResultFileContents readResultFile(const QString& path) {
    ResultFileContents contents;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        contents.error = QStringLiteral("cannot open ") + path;
        return contents;
    }
    const QByteArray bytes = file.readAll();
    const auto entries = model::TorchSaveReader::readDict(std::vector<char>(bytes.begin(), bytes.end()));
    if (!entries) {
        contents.error = QString::fromStdString(entries.error());
        return contents;
    }
    for (const auto& [key, value] : *entries) {
        if (const auto* t = std::get_if<torch::Tensor>(&value)) contents.tensors[key] = *t;
        else contents.strings[key] = std::get<std::string>(value);
    }
    return contents;
}

}  // namespace slidesight::test
