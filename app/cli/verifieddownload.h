#pragma once

#include "viewer/common/expected.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QString>
#include <QtCore/QUrl>

#include <atomic>
#include <functional>

namespace slidesight::cli {

/// Downloads a file (model weights, the demo's source slides) over HTTP(S) with
/// QNetworkAccessManager, hashes it with SHA-256 while it arrives, and keeps it only if the hash
/// matches: the bytes go to a temporary file (QSaveFile) that replaces the destination only after
/// verification, so a failed, wrong or cancelled download leaves nothing behind, and a verified
/// copy already at the destination is never fetched again.
///
/// Main thread only (runs a local event loop).
class VerifiedDownload {
    Q_DECLARE_TR_FUNCTIONS(VerifiedDownload)
public:
    struct Result {
        QString path;
        QString sha256;       ///< of the file, hex
        qint64 bytes = 0;
        bool downloaded = false;  ///< false: a verified copy was already there
    };
    using Progress = std::function<void(qint64 received, qint64 total)>;

    /// The hash prefix torchvision puts in its file names ("resnet34-b627a593.pth" ->
    /// "b627a593"), or empty when the name has none. torch.hub verifies downloads against it.
    static QString hashPrefixInName(const QString& fileName);

    /// Fetches `url` into `destination`. `expectedSha256` is the full hash or a prefix of at
    /// least 8 hex digits. A failure carries one error sentence. `cancel` (may be null) aborts
    /// the transfer.
    static Expected<Result> fetch(const QUrl& url, const QString& destination, const QString& expectedSha256,
                                  const std::atomic<bool>* cancel, const Progress& progress);
};

}  // namespace slidesight::cli
