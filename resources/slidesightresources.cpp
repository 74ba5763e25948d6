#include "slidesightresources.h"

#include <QtCore/qglobal.h>

// Q_INIT_RESOURCE declares the generated registration function at the point of use, so it
// has to be expanded outside any namespace.
static void registerSlideSightResource()
{
    Q_INIT_RESOURCE(slidesight);
}

namespace slidesight {

void initResources()
{
    registerSlideSightResource();
}

QString iconResourcePath(const QString &name)
{
    return QStringLiteral(":/icons/") + name + QStringLiteral(".svg");
}

QString defaultSettingsResourcePath()
{
    return QStringLiteral(":/settings/defaults.ini");
}

} // namespace slidesight
