#include "app/i18n/slideerror.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QList>
#include <QtCore/QRegularExpression>
#include <QtCore/QStringList>

#include <vector>

namespace slidesight {

namespace {

/// The messages of OpenSlideSource and SyntheticSlideWriter that reach the user, word for
/// word, with %N where the library inserts text. (The internal ones that only a programming
/// error produces are left in English.)
const char* const kTemplates[] = {
    QT_TRANSLATE_NOOP("SlideError", "The file \"%1\" does not exist."),
    QT_TRANSLATE_NOOP("SlideError", "\"%1\" is a folder, not a slide file."),
    QT_TRANSLATE_NOOP("SlideError", "The file \"%1\" cannot be read (permission denied)."),
    QT_TRANSLATE_NOOP("SlideError", "\"%1\" is not a slide format that OpenSlide can read (it looks like %2)."),
    QT_TRANSLATE_NOOP("SlideError", "\"%1\" is not a slide format that OpenSlide can read."),
    QT_TRANSLATE_NOOP("SlideError", "\"%1\" is damaged or incomplete: %2."),
    QT_TRANSLATE_NOOP("SlideError", "\"%1\" has no image levels."),
    QT_TRANSLATE_NOOP("SlideError", "Level %1 does not exist."),
    QT_TRANSLATE_NOOP("SlideError", "A region of %1x%2 pixels cannot be read."),
    QT_TRANSLATE_NOOP("SlideError", "Reading the slide failed: %1."),
    QT_TRANSLATE_NOOP("SlideError", "The slide has no \"%1\" image."),
    QT_TRANSLATE_NOOP("SlideError", "The \"%1\" image cannot be read."),
    QT_TRANSLATE_NOOP("SlideError", "Reading the \"%1\" image failed: %2."),
    QT_TRANSLATE_NOOP("SlideError", "Cannot create \"%1\"."),
    QT_TRANSLATE_NOOP("SlideError", "Writing \"%1\" failed (disk full?)."),
    QT_TRANSLATE_NOOP("SlideError", "Writing \"%1\" failed."),
};

/// A template as an anchored pattern: the text literally, each %N a capture.
struct Pattern {
    const char* source;
    QRegularExpression regex;
    QList<int> numbers;  ///< the N of each capture, in order
};

std::vector<Pattern> buildPatterns() {
    static const QRegularExpression placeholder(QStringLiteral("%(\\d)"));
    std::vector<Pattern> patterns;
    for (const char* source : kTemplates) {
        const QString text = QString::fromUtf8(source);
        Pattern p{source, {}, {}};
        QString regex = QStringLiteral("^");
        qsizetype last = 0;
        for (auto it = placeholder.globalMatch(text); it.hasNext();) {
            const auto m = it.next();
            regex += QRegularExpression::escape(text.mid(last, m.capturedStart() - last)) + QStringLiteral("(.*?)");
            p.numbers.append(m.captured(1).toInt());
            last = m.capturedEnd();
        }
        regex += QRegularExpression::escape(text.mid(last)) + QStringLiteral("$");
        p.regex = QRegularExpression(regex, QRegularExpression::DotMatchesEverythingOption);
        patterns.push_back(std::move(p));
    }
    return patterns;
}

}  // namespace

QString SlideError::translated(const std::string& message) {
    static const std::vector<Pattern> patterns = buildPatterns();
    const QString english = QString::fromStdString(message);
    for (const Pattern& p : patterns) {
        const auto match = p.regex.match(english);
        if (!match.hasMatch()) continue;
        QStringList values(p.numbers.size());
        for (qsizetype i = 0; i < p.numbers.size(); ++i) values[p.numbers[i] - 1] = match.captured(static_cast<int>(i + 1));
        const QString text = QCoreApplication::translate("SlideError", p.source);
        switch (values.size()) {
        case 0: return text;
        case 1: return text.arg(values[0]);
        default: return text.arg(values[0], values[1]);
        }
    }
    return english;
}

}  // namespace slidesight
