#include "app/cli/verifieddownload.h"
#include "viewer/common/qstringfailure.h"

#include <QtCore/QCryptographicHash>
#include <QtCore/QEventLoop>
#include <QtCore/QFile>
#include <QtCore/QRegularExpression>
#include <QtCore/QSaveFile>
#include <QtCore/QTimer>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkReply>
#include <QtNetwork/QNetworkRequest>

namespace slidesight::cli {

namespace {

constexpr int kStallTimeoutMs = 60000;

/// The SHA-256 (hex) of an existing file, or empty when it cannot be read.
QString fileSha256(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file)) return {};
    return QString::fromLatin1(hash.result().toHex());
}

}  // namespace

QString VerifiedDownload::hashPrefixInName(const QString& fileName) {
    // torch.hub's HASH_REGEX is "-([a-f0-9]*)\.": the digits between the last '-' and the dot.
    static const QRegularExpression pattern(QStringLiteral("-([0-9a-f]{8,64})\\.[^.]+$"));
    const auto match = pattern.match(fileName);
    return match.hasMatch() ? match.captured(1) : QString();
}

Expected<VerifiedDownload::Result> VerifiedDownload::fetch(const QUrl& url, const QString& destination,
                                                           const QString& expectedSha256,
                                                           const std::atomic<bool>* cancel, const Progress& progress) {
    const QString expected = expectedSha256.toLower();
    Result result{destination, QString(), 0, false};
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{8,64}$"));
    if (!hex.match(expected).hasMatch())
        return failure(tr("The expected SHA-256 must be 8 to 64 hexadecimal digits, not '%1'.").arg(expectedSha256));
    if (QFile::exists(destination)) {
        const QString existing = fileSha256(destination);
        if (!existing.isEmpty() && existing.startsWith(expected)) {
            result.sha256 = existing;
            result.bytes = QFile(destination).size();
            return result;
        }
    }

    QSaveFile file(destination);
    if (!file.open(QIODevice::WriteOnly)) return failure(tr("Cannot write %1: %2.").arg(destination, file.errorString()));
    QNetworkAccessManager network;
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setTransferTimeout(kStallTimeoutMs);
    QNetworkReply* reply = network.get(request);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QString writeError;
    QEventLoop loop;
    auto take = [&] {
        const QByteArray chunk = reply->readAll();
        hash.addData(chunk);
        result.bytes += chunk.size();
        if (file.write(chunk) != chunk.size() && writeError.isEmpty()) {
            writeError = tr("Cannot write %1: %2.").arg(destination, file.errorString());
            reply->abort();
        }
    };
    QObject::connect(reply, &QNetworkReply::readyRead, &loop, take);
    QObject::connect(reply, &QNetworkReply::downloadProgress, &loop, [&](qint64 received, qint64 total) {
        if (progress) progress(received, total);
    });
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer cancelPoll;
    QObject::connect(&cancelPoll, &QTimer::timeout, &loop, [&] {
        if (cancel && cancel->load()) reply->abort();
    });
    cancelPoll.start(100);
    loop.exec();
    cancelPoll.stop();
    if (reply->error() == QNetworkReply::NoError) take();  // whatever arrived with the end
    reply->deleteLater();

    auto failed = [&file](const QString& message) {
        file.cancelWriting();
        return failure(message);
    };
    if (cancel && cancel->load()) return failed(tr("Interrupted: the download was cancelled and nothing was written."));
    if (!writeError.isEmpty()) return failed(writeError);
    if (reply->error() != QNetworkReply::NoError)
        return failed(tr("Cannot download %1: %2.").arg(url.toString(), reply->errorString()));
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (url.scheme().startsWith(QLatin1String("http")) && status != 200)
        return failed(tr("Cannot download %1: the server answered HTTP %2.").arg(url.toString()).arg(status));
    result.sha256 = QString::fromLatin1(hash.result().toHex());
    if (!result.sha256.startsWith(expected))
        return failed(tr("The downloaded file from %1 failed verification: its SHA-256 is %2, expected %3%4. "
                         "Nothing was written.")
                          .arg(url.toString(), result.sha256, expected,
                               expected.size() < 64 ? QStringLiteral("...") : QString()));
    if (!file.commit()) return failure(tr("Cannot write %1: %2.").arg(destination, file.errorString()));
    result.downloaded = true;
    return result;
}

}  // namespace slidesight::cli
