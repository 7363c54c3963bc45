// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Retort authors
//
// Database ▸ Python Interpreter…: the interpreter found automatically is asked for alembic, one the
// user names is checked before it is kept, and the choice is what upgrades (and retort-cli) use.

#include "interpreterdialog.h"
#include "python/pythonenvironment.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestInterpreterDialog : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void automaticThenChosen();
};

void TestInterpreterDialog::automaticThenChosen()
{
    QTemporaryDir project; // no virtual environment: /usr/bin/python3, which has Debian's alembic
    const QString key = project.filePath(u"alembic.ini"_s);
    PythonEnvironment::setChosenInterpreter(key, {});
    InterpreterDialog dialog(key, key);
    QSignalSpy checked(&dialog, &InterpreterDialog::checked);
    QVERIFY(checked.wait(30000));
    QVERIFY2(checked.last().at(0).toBool(), qPrintable(dialog.findChild<QLabel *>(u"interpreterStatus"_s)->text()));
    QCOMPARE(dialog.selectedInterpreter(), QStringLiteral(RETORT_TEST_PYTHON));
    QVERIFY(dialog.findChild<QLabel *>(u"interpreterStatus"_s)->text().contains(u"with alembic 1."_s));

    // A path that is no interpreter: the dialog says so.
    auto *path = dialog.findChild<QLineEdit *>(u"interpreterPath"_s);
    path->setText(project.filePath(u"missing/python"_s));
    const QList<QRadioButton *> modes = dialog.findChildren<QRadioButton *>();
    modes.at(1)->setChecked(true);
    QMetaObject::invokeMethod(path, &QLineEdit::editingFinished);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isChecking() && checked.count() >= 2, 30000);
    QVERIFY(!checked.last().at(0).toBool());
    QVERIFY(!dialog.findChild<QLabel *>(u"interpreterStatus"_s)->text().isEmpty());
    QPushButton *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QVERIFY(!ok->isEnabled()); // a broken choice is not kept

    // The named one is kept for the project; the automatic choice forgets it again.
    path->setText(QStringLiteral(RETORT_TEST_PYTHON));
    QMetaObject::invokeMethod(path, &QLineEdit::editingFinished);
    QTRY_VERIFY_WITH_TIMEOUT(ok->isEnabled(), 30000);
    ok->click();
    QCOMPARE(PythonEnvironment::chosenInterpreter(key), QStringLiteral(RETORT_TEST_PYTHON));
}

QTEST_MAIN(TestInterpreterDialog)
#include "tst_interpreterdialog.moc"
