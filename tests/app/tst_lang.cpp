// The Italian translation as users meet it: slidesight-cli with --lang it or an Italian
// locale (help, usage errors, the slide library's errors, reports), and the main window and
// the slide errors after the Italian translator is installed (from :/i18n, as the
// executables load it).
#include "common/suite.h"

#include "app/i18n/translationloader.h"
#include "app/shell/settings/recentfiles.h"
#include "app/shell/slide/slidecontroller.h"
#include "app/shell/window/mainwindow.h"
#include "viewer/slide/openslidesource.h"

#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QProcess>
#include <QtCore/QStandardPaths>
#include <QtCore/QTemporaryDir>
#include <QtWidgets/QApplication>
#include <QtWidgets/QDockWidget>
#include <QtWidgets/QMenu>
#include <QtWidgets/QMenuBar>
#include <QtWidgets/QMessageBox>
#include <QtTest/QTest>

using namespace slidesight;

namespace {

struct CliRun {
    int exitCode = -1;
    QString out, err;
};

/// Runs slidesight-cli with `lang` as LANG and no other locale variable.
CliRun runCli(const QStringList& args, const QString& lang = QStringLiteral("C.UTF-8")) {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char* name : {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"}) env.remove(QString::fromLatin1(name));
    env.insert(QStringLiteral("LANG"), lang);
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(SLIDESIGHT_CLI_PATH), args);
    if (!p.waitForFinished(60000)) return {};
    CliRun r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

QString describe(const CliRun& r) {
    return QStringLiteral("exit %1\nstdout:\n%2\nstderr:\n%3").arg(r.exitCode).arg(r.out, r.err);
}

QStringList titles(const QList<QAction*>& actions) {
    QStringList out;
    for (const QAction* a : actions)
        if (!a->isSeparator()) out << a->text();
    return out;
}

}  // namespace

#define CHECK_RUN(run, condition) QVERIFY2(condition, qPrintable(describe(run)))

class TestLang : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        QStandardPaths::setTestModeEnabled(true);
        qputenv("XDG_CONFIG_HOME", dir_.filePath(QStringLiteral("config")).toUtf8());
        RecentFiles::clear();
        // The GUI's own loader, from the .qm embedded under :/i18n.
        QCOMPARE(TranslationLoader::install(*qApp, QStringLiteral("it")), QStringLiteral("it_IT"));
    }

    void languageOptionIsTakenFromAnywhere() {
        QStringList args{QStringLiteral("info"), QStringLiteral("--lang"), QStringLiteral("it"), QStringLiteral("x.svs")};
        bool ok = false;
        QCOMPARE(TranslationLoader::takeLanguageOption(args, &ok), QStringLiteral("it"));
        QVERIFY(ok);
        QCOMPARE(args, (QStringList{QStringLiteral("info"), QStringLiteral("x.svs")}));
        args = {QStringLiteral("--lang=en"), QStringLiteral("--help")};
        QCOMPARE(TranslationLoader::takeLanguageOption(args, &ok), QStringLiteral("en"));
        QCOMPARE(args, QStringList{QStringLiteral("--help")});
        args = {QStringLiteral("--help"), QStringLiteral("--lang")};
        QCOMPARE(TranslationLoader::takeLanguageOption(args, &ok), QString());
        QVERIFY(!ok);
        QCOMPARE(args, QStringList{QStringLiteral("--help")});
    }

    void cliHelpInItalian() {
        const CliRun english = runCli({QStringLiteral("--help")});
        CHECK_RUN(english, english.exitCode == 0 && english.out.contains(QStringLiteral("Usage: slidesight-cli COMMAND")));

        const CliRun r = runCli({QStringLiteral("--lang"), QStringLiteral("it"), QStringLiteral("--help")});
        CHECK_RUN(r, r.exitCode == 0);
        CHECK_RUN(r, r.out.startsWith(QStringLiteral("Uso: slidesight-cli COMANDO [opzioni] [argomenti]")));
        CHECK_RUN(r, r.out.contains(QStringLiteral("Riga di comando di SlideSight")));
        CHECK_RUN(r, r.out.contains(QStringLiteral("Comandi:")));
        CHECK_RUN(r, r.out.contains(QStringLiteral("ingrandimento dell'obiettivo e immagini associate di un vetrino")));
        for (const char* english : {"Usage:", "Commands:", "SlideSight command line", "associated images"})
            CHECK_RUN(r, !r.out.contains(QLatin1String(english)));

        const CliRun info = runCli({QStringLiteral("info"), QStringLiteral("--help"), QStringLiteral("--lang=it")});
        CHECK_RUN(info, info.exitCode == 0 && info.out.startsWith(QStringLiteral("Uso: slidesight-cli info [opzioni] SLIDE")));
        CHECK_RUN(info, info.out.contains(QStringLiteral("Opzioni:")) && info.out.contains(QStringLiteral("Argomenti:")));
        CHECK_RUN(info, info.out.contains(QStringLiteral("Stampa JSON invece del testo.")));
        CHECK_RUN(info, !info.out.contains(QStringLiteral("Options:")) && !info.out.contains(QStringLiteral("Print JSON")));
    }

    void cliFollowsTheLocale() {
        const CliRun r = runCli({QStringLiteral("--help")}, QStringLiteral("it_IT.UTF-8"));
        CHECK_RUN(r, r.exitCode == 0 && r.out.startsWith(QStringLiteral("Uso: slidesight-cli COMANDO")));
        // --lang wins over the locale.
        const CliRun en = runCli({QStringLiteral("--help"), QStringLiteral("--lang"), QStringLiteral("en")},
                                 QStringLiteral("it_IT.UTF-8"));
        CHECK_RUN(en, en.exitCode == 0 && en.out.startsWith(QStringLiteral("Usage: slidesight-cli COMMAND")));
    }

    void cliErrorsInItalian() {
        const QString missing = dir_.filePath(QStringLiteral("no-such-slide.svs"));
        const CliRun r = runCli({QStringLiteral("info"), missing, QStringLiteral("--lang"), QStringLiteral("it")});
        CHECK_RUN(r, r.exitCode == 1 && r.out.isEmpty());
        QCOMPARE(r.err, QStringLiteral("slidesight-cli: Il file \"%1\" non esiste.\n").arg(missing));

        const CliRun folder = runCli({QStringLiteral("info"), dir_.path(), QStringLiteral("--lang=it")});
        CHECK_RUN(folder, folder.exitCode == 1);
        QCOMPARE(folder.err, QStringLiteral("slidesight-cli: \"%1\" è una cartella, non un file di vetrino.\n").arg(dir_.path()));

        const CliRun usage = runCli({QStringLiteral("--lang"), QStringLiteral("it"), QStringLiteral("info")});
        CHECK_RUN(usage, usage.exitCode == 2);
        QCOMPARE(usage.err, QStringLiteral("slidesight-cli: Argomento mancante: SLIDE. Provare 'slidesight-cli info --help'.\n"));

        const CliRun unknown = runCli({QStringLiteral("frobnicate"), QStringLiteral("--lang"), QStringLiteral("it")});
        CHECK_RUN(unknown, unknown.exitCode == 2 && unknown.err.contains(QStringLiteral("Comando sconosciuto 'frobnicate'")));

        const CliRun badNumber = runCli({QStringLiteral("synth"), dir_.filePath(QStringLiteral("x.tiff")),
                                         QStringLiteral("--mpp"), QStringLiteral("-1"), QStringLiteral("--lang"), QStringLiteral("it")});
        CHECK_RUN(badNumber, badNumber.exitCode == 2 &&
                                 badNumber.err.contains(QStringLiteral("--mpp richiede un numero positivo, non '-1'.")));

        const CliRun noCode = runCli({QStringLiteral("--help"), QStringLiteral("--lang")});
        CHECK_RUN(noCode, noCode.exitCode == 2 && noCode.err.contains(QStringLiteral("--lang")) && noCode.out.isEmpty());
    }

    // A synthetic slide written and described in Italian; the JSON stays the same in any language.
    void cliReportsInItalian() {
        const QString slide = dir_.filePath(QStringLiteral("synthetic.svs"));
        const CliRun synth = runCli({QStringLiteral("synth"), slide, QStringLiteral("--size"), QStringLiteral("512"),
                                     QStringLiteral("--lang"), QStringLiteral("it")});
        CHECK_RUN(synth, synth.exitCode == 0);
        CHECK_RUN(synth, synth.out.startsWith(QStringLiteral("Scritto %1: 512 x 512 px, livelli: 1, variante aperio.").arg(slide)));

        const CliRun info = runCli({QStringLiteral("info"), slide, QStringLiteral("--lang"), QStringLiteral("it")});
        CHECK_RUN(info, info.exitCode == 0);
        for (const char* italian : {"Produttore:", "Dimensioni:", "512 x 512 px", "(letto dal vetrino)",
                                    "Ingrandimento obiettivo:", "Livelli (1):", "Immagini associate ("})
            CHECK_RUN(info, info.out.contains(QString::fromUtf8(italian)));
        for (const char* english : {"Vendor", "Dimensions", "read from the slide", "Levels"})
            CHECK_RUN(info, !info.out.contains(QLatin1String(english)));

        const CliRun jsonIt = runCli({QStringLiteral("info"), slide, QStringLiteral("--json"), QStringLiteral("--lang"), QStringLiteral("it")});
        const CliRun jsonEn = runCli({QStringLiteral("info"), slide, QStringLiteral("--json")});
        CHECK_RUN(jsonIt, jsonIt.exitCode == 0);
        QJsonObject it = QJsonDocument::fromJson(jsonIt.out.toUtf8()).object();
        QJsonObject en = QJsonDocument::fromJson(jsonEn.out.toUtf8()).object();
        QVERIFY(!it.isEmpty());
        QCOMPARE(it.keys(), en.keys());
        QCOMPARE(it.value(QStringLiteral("width")), en.value(QStringLiteral("width")));
        QCOMPARE(it.value(QStringLiteral("levels")), en.value(QStringLiteral("levels")));
    }

    void slideLibraryErrorsTranslated() {
        const std::string missing = dir_.filePath(QStringLiteral("gone.svs")).toStdString();
        const auto opened = OpenSlideSource::open(missing);
        QVERIFY(!opened);
        // Translated where the library writes it, the path kept as it is.
        QCOMPARE(QString::fromStdString(opened.error()),
                 QStringLiteral("Il file \"%1\" non esiste.").arg(QString::fromStdString(missing)));
        const auto folder = OpenSlideSource::open(dir_.path().toStdString());
        QCOMPARE(QString::fromStdString(folder.error()),
                 QStringLiteral("\"%1\" è una cartella, non un file di vetrino.").arg(dir_.path()));
        // A value that looks like a placeholder is not filled again.
        const QString odd = dir_.filePath(QStringLiteral("%2 notes.bin"));
        QFile file(odd);
        QVERIFY(file.open(QIODevice::WriteOnly) && file.write(QByteArray(4096, 'x')) == 4096);
        file.close();
        const auto notASlide = OpenSlideSource::open(odd.toStdString());
        QCOMPARE(QString::fromStdString(notASlide.error()),
                 QStringLiteral("\"%2 notes.bin\" non è in un formato di vetrino leggibile da OpenSlide."));
    }

    void mainWindowInItalian() {
        MainWindow w;
        QCOMPARE(w.windowTitle(), QStringLiteral("SlideSight"));
        const QStringList menus = titles(w.menuBar()->actions());
        QCOMPARE(menus, (QStringList{QStringLiteral("&File"), QStringLiteral("&Modifica"), QStringLiteral("&Visualizza"), QStringLiteral("Ve&trino"),
                                     QStringLiteral("&Impostazioni"), QStringLiteral("&Aiuto")}));
        const QStringList file = titles(w.menuBar()->actions().first()->menu()->actions());
        QCOMPARE(file, (QStringList{QStringLiteral("&Apri…"), QStringLiteral("Apri &recenti"), QStringLiteral("&Didattica"),
                                    QStringLiteral("Esp&orta vista come PNG…"), QStringLiteral("Esporta &livello…"),
                                    QStringLiteral("&Chiudi"),
                                    QStringLiteral("&Esci")}));
        QStringList docks;
        for (const QDockWidget* d : w.findChildren<QDockWidget*>()) docks << d->windowTitle();
        docks.sort();
        QCOMPARE(docks, (QStringList{QStringLiteral("Analisi"), QStringLiteral("Annotazioni"), QStringLiteral("Concordanza"),
                                     QStringLiteral("Didattica"), QStringLiteral("Etichetta e macro"), QStringLiteral("Ispettore dell'attenzione"),
                                     QStringLiteral("Livelli"), QStringLiteral("Panoramica"), QStringLiteral("Proprietà"),
                                     QStringLiteral("Revisione")}));

        // A slide that cannot be opened is reported in Italian, the library's message included.
        w.show();
        const QString missing = dir_.filePath(QStringLiteral("missing.svs"));
        w.openSlide(missing);
        QMessageBox* box = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((box = w.findChild<QMessageBox*>()) != nullptr, 10000);
        QCOMPARE(box->windowTitle(), QStringLiteral("Impossibile aprire il vetrino"));
        QCOMPARE(box->text(), QStringLiteral("Il file \"%1\" non esiste.").arg(missing));
        box->accept();
    }
};

SLIDESIGHT_TEST_SUITE(TestLang)
#include "tst_lang.moc"
