#pragma once

// A loopback HTTP server for tests of downloads (never the internet) and a CLI runner that keeps
// it answering: `weights fetch`, and `demo build` fetching its source slides.

#include "clirunner.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QCryptographicHash>
#include <QtCore/QDeadlineTimer>
#include <QtCore/QEventLoop>
#include <QtCore/QHash>
#include <QtCore/QProcessEnvironment>
#include <QtNetwork/QTcpServer>
#include <QtNetwork/QTcpSocket>

namespace slidesight::test {

/// Serves fixed bodies by path over HTTP/1.0 on 127.0.0.1; anything else is 404.
class LoopbackServer : public QObject {
public:
    LoopbackServer() {
        connect(&server_, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = server_.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] { answer(socket); });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }
    bool listen() { return server_.listen(QHostAddress::LocalHost); }
    void serve(const QString& path, const QByteArray& body) { bodies_.insert(path, body); }
    QString url(const QString& path) const { return QStringLiteral("http://127.0.0.1:%1%2").arg(server_.serverPort()).arg(path); }
    int requests = 0;

private:
    void answer(QTcpSocket* socket) {
        QByteArray& request = pending_[socket];
        request += socket->readAll();
        if (!request.contains("\r\n\r\n")) return;
        ++requests;
        const QString path = QString::fromLatin1(request.split(' ').value(1));
        pending_.remove(socket);
        const auto it = bodies_.constFind(path);
        const QByteArray body = it == bodies_.constEnd() ? QByteArray("not here") : *it;
        const QByteArray status = it == bodies_.constEnd() ? "404 Not Found" : "200 OK";
        socket->write("HTTP/1.0 " + status + "\r\nContent-Type: application/octet-stream\r\nContent-Length: " +
                      QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
        socket->disconnectFromHost();
    }
    QTcpServer server_;
    QHash<QString, QByteArray> bodies_;
    QHash<QTcpSocket*, QByteArray> pending_;
};

inline QString sha256(const QByteArray& bytes) {
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

/// Runs the CLI while this thread's event loop keeps the server answering; `environment`
/// (the process's by default) without proxies.
inline CliResult runServed(const QStringList& arguments,
                           QProcessEnvironment environment = QProcessEnvironment::systemEnvironment()) {
    QProcess process;
    for (const char* proxy : {"http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"})
        environment.remove(QLatin1String(proxy));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(SLIDESIGHT_CLI_PATH), arguments);
    if (!process.waitForStarted()) return collect(process, false);
    QDeadlineTimer deadline(120000);
    while (process.state() != QProcess::NotRunning && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    return collect(process, process.state() == QProcess::NotRunning);
}

}  // namespace slidesight::test
