#include "resourceconsumer.h"

#include <QFile>
#include <QString>

bool resourceConsumerSeesIcon()
{
    return QFile::exists(QStringLiteral(":/icons/slidesight.svg"));
}
