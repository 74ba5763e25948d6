// The main of every test executable: runs the one suite its first argument names (see
// tests/common/suite.h), in the application object that suite asks for, and hands the
// remaining arguments to Qt Test. `--list` prints the suites the executable holds.

#include "common/suite.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QFileInfo>
#include <QtTest/QTest>
#if defined(QT_WIDGETS_LIB)
#include <QtWidgets/QApplication>
#elif defined(QT_GUI_LIB)
#include <QtGui/QGuiApplication>
#endif

#include <cstdio>
#include <cstring>
#include <map>
#include <string>
#include <vector>

namespace slidesight::test {
namespace {

struct Suite {
    SuiteApplication application;
    SuiteFactory make;
};

std::map<std::string, Suite>& suites() {
    static std::map<std::string, Suite> registry;
    return registry;
}

int usage(const char* program, const char* problem) {
    if (problem)
        std::fprintf(stderr, "%s\n", problem);
    std::fprintf(stderr, "usage: %s SUITE [Qt Test options and functions]\nsuites:", program);
    for (const auto& entry : suites())
        std::fprintf(stderr, " %s", entry.first.c_str());
    std::fprintf(stderr, "\n");
    return 2;
}

std::unique_ptr<QCoreApplication> makeApplication(SuiteApplication kind, int& argc, char** argv) {
    if (kind == SuiteApplication::None)
        return nullptr;
    std::unique_ptr<QCoreApplication> application;
    if (kind == SuiteApplication::Core)
        application = std::make_unique<QCoreApplication>(argc, argv);
    else
#if defined(QT_WIDGETS_LIB)
        application = std::make_unique<QApplication>(argc, argv);
#elif defined(QT_GUI_LIB)
        application = std::make_unique<QGuiApplication>(argc, argv);
#else
        application = std::make_unique<QCoreApplication>(argc, argv);
#endif
    // As Qt Test's main macros do: a fixed 96 DPI, so that sizes in pixels are stable.
    QCoreApplication::setAttribute(Qt::AA_Use96Dpi, true);
    return application;
}

}  // namespace

bool registerSuite(const char* sourceFile, SuiteApplication application, SuiteFactory make) {
    const std::string name = QFileInfo(QString::fromLocal8Bit(sourceFile)).completeBaseName().toStdString();
    return suites().emplace(name, Suite{application, make}).second;
}

}  // namespace slidesight::test

int main(int argc, char** argv) {
    using namespace slidesight::test;
    if (argc < 2)
        return usage(argv[0], "no suite named");
    if (std::strcmp(argv[1], "--list") == 0) {
        for (const auto& entry : suites())
            std::printf("%s\n", entry.first.c_str());
        return 0;
    }
    const auto found = suites().find(argv[1]);
    if (found == suites().end())
        return usage(argv[0], (std::string("no suite called ") + argv[1] + " in this executable").c_str());

    // Qt Test sees the suite's name as the program and the rest as its own arguments.
    std::vector<char*> arguments(argv + 1, argv + argc);
    arguments.push_back(nullptr);
    int testArgc = argc - 1;
    char** testArgv = arguments.data();
    const auto application = makeApplication(found->second.application, testArgc, testArgv);
    const std::unique_ptr<QObject> suite = found->second.make();
    return QTest::qExec(suite.get(), testArgc, testArgv);
}
