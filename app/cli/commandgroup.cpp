#include "app/cli/commandgroup.h"

namespace slidesight::cli {

CommandGroup::CommandGroup(QString name, QString summary, QString description)
    : name_(std::move(name)), summary_(std::move(summary)), registry_(std::move(description)) {}

int CommandGroup::run(const QString& path, const QStringList& arguments) {
    return registry_.dispatch(path, arguments);
}

}  // namespace slidesight::cli
