#include "app/cli/jsonoutput.h"

#include "app/cli/console.h"

#include <QtCore/QJsonDocument>

#include <cmath>

namespace slidesight::cli {

void JsonOutput::print(const QJsonObject& object) {
    Console::out(QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented)));
}

QJsonValue JsonOutput::numberOrNull(const std::optional<double>& value) {
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

QJsonValue JsonOutput::string(const std::string& text) { return QString::fromStdString(text); }

QJsonValue JsonOutput::rounded(double value, int decimals) {
    if (!std::isfinite(value)) return QJsonValue(QJsonValue::Null);
    const double scale = std::pow(10.0, decimals);
    return std::round(value * scale) / scale;
}

QJsonArray JsonOutput::numbers(const std::vector<double>& values) {
    QJsonArray out;
    for (const double v : values) out.append(v);
    return out;
}

QJsonArray JsonOutput::strings(const std::vector<std::string>& values) {
    QJsonArray out;
    for (const auto& v : values) out.append(QString::fromStdString(v));
    return out;
}

}  // namespace slidesight::cli
