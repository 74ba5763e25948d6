#include "app/machine/machinecheckbutton.h"

#include "app/machine/machinereport.h"
#include "viewer/common/background.h"

#include <QtWidgets/QDialog>
#include <QtWidgets/QDialogButtonBox>
#include <QtWidgets/QPlainTextEdit>
#include <QtWidgets/QVBoxLayout>

namespace slidesight {

MachineCheckButton::MachineCheckButton(QWidget* parent, model::SystemCheckOptions selfTest)
    : QToolButton(parent), selfTest_(selfTest) {
    setObjectName(QStringLiteral("machineCheckButton"));
    setText(tr("This machine…"));
    setToolTip(tr("Versions, CUDA and GPUs, and a self-test of the feature extractor on each device "
                  "(as slidesight-cli doctor)."));
    connect(this, &QToolButton::clicked, this, [this] { check(true); });
    check(false);
}

void MachineCheckButton::check(bool selfTest) {
    if (checking_) return;
    checking_ = true;
    setEnabled(false);
    if (selfTest) setText(tr("Checking…"));
    model::SystemCheckOptions options = selfTest_;
    options.selfTest = selfTest;
    runInBackground(this, [options] { return model::checkSystem(options); },
                    [this, selfTest](const model::SystemCheck& c) { present(c, selfTest); });
}

void MachineCheckButton::present(const model::SystemCheck& c, bool selfTest) {
    checking_ = false;
    setEnabled(true);
    setText(tr("This machine…"));
    summary_ = MachineReport::summary(c);
    Q_EMIT summaryChanged(summary_);
    if (!selfTest) return;
    if (!details_) {
        details_ = new QDialog(window());
        details_->setObjectName(QStringLiteral("machineDetails"));
        details_->setWindowTitle(tr("This machine"));
        auto* layout = new QVBoxLayout(details_);
        auto* text = new QPlainTextEdit(details_);
        text->setObjectName(QStringLiteral("machineReport"));
        text->setReadOnly(true);
        text->setLineWrapMode(QPlainTextEdit::WidgetWidth);
        layout->addWidget(text);
        auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, details_);
        connect(buttons, &QDialogButtonBox::rejected, details_, &QDialog::hide);
        layout->addWidget(buttons);
        details_->resize(640, 360);
    }
    details_->findChild<QPlainTextEdit*>(QStringLiteral("machineReport"))
        ->setPlainText(MachineReport::lines(c, QCoreApplication::applicationVersion()).join(QLatin1Char('\n')));
    details_->show();
    details_->raise();
    Q_EMIT detailsShown();
}

}  // namespace slidesight
