#pragma once

// What the tests read from the output of the programs they run.

#include <QtCore/QString>
#include <QtCore/QStringList>

namespace slidesight::test {

/// Lines of stderr that are the program's own (Qt may warn about XDG_RUNTIME_DIR on bare
/// machines): those that start with "slidesight:".
inline QStringList ownLines(const QString& err) {
    QStringList out;
    for (const QString& l : err.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        if (l.startsWith(QStringLiteral("slidesight:"))) out << l;
    return out;
}

}  // namespace slidesight::test
