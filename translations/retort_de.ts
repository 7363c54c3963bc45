<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../widgets/aboutdialog.cpp" line="32"/>
        <source>%1 (built with %2)</source>
        <translation>%1 (erstellt mit %2)</translation>
    </message>
    <message>
        <location filename="../widgets/aboutdialog.cpp" line="36"/>
        <source>built-in (Python and SQL)</source>
        <translation>eingebaut (Python und SQL)</translation>
    </message>
    <message>
        <location filename="../widgets/aboutdialog.cpp" line="38"/>
        <source>system keychain (QtKeychain)</source>
        <translation>Schlüsselbund des Systems (QtKeychain)</translation>
    </message>
    <message>
        <location filename="../widgets/aboutdialog.cpp" line="38"/>
        <source>kept for the session only</source>
        <translation>nur für die Sitzung gespeichert</translation>
    </message>
    <message>
        <location filename="../widgets/aboutdialog.cpp" line="39"/>
        <source>&lt;h3&gt;Retort %1&lt;/h3&gt;&lt;p&gt;A desktop studio for Alembic migration histories.&lt;/p&gt;&lt;p&gt;Licensed under the GNU General Public License, version 3 or later.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Retort %1&lt;/h3&gt;&lt;p&gt;Ein Desktop-Studio für Alembic-Migrationsverläufe.&lt;/p&gt;&lt;p&gt;Lizenziert unter der GNU General Public License, Version 3 oder später.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../widgets/aboutdialog.cpp" line="43"/>
        <source>Highlighting</source>
        <translation>Hervorhebung</translation>
    </message>
    <message>
        <location filename="../widgets/aboutdialog.cpp" line="43"/>
        <source>Passwords</source>
        <translation>Passwörter</translation>
    </message>
    <message>
        <location filename="../widgets/aboutdialog.cpp" line="44"/>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <location filename="../widgets/aboutdialog.cpp" line="49"/>
        <source>About Retort</source>
        <translation>Über Retort</translation>
    </message>
</context>
<context>
    <name>AlembicInvocation</name>
    <message>
        <location filename="../model/runner/alembicinvocation.cpp" line="170"/>
        <source>This is a Flask-Migrate project (its env.py uses Flask&apos;s current_app), so Retort runs flask db %1 inside the Flask app, and FLASK_APP does not say which app that is: add FLASK_APP=module:app (or FLASK_APP=module) to the environment&apos;s variables.</source>
        <translation>Dies ist ein Flask-Migrate-Projekt (seine env.py verwendet Flasks current_app), daher führt Retort flask db %1 in der Flask-App aus, und FLASK_APP sagt nicht, welche App das ist: Fügen Sie FLASK_APP=modul:app (oder FLASK_APP=modul) zu den Variablen der Umgebung hinzu.</translation>
    </message>
</context>
<context>
    <name>AlembicRun</name>
    <message numerus="yes">
        <location filename="../model/runner/alembicrun.cpp" line="34"/>
        <source>alembic finished: %n step(s) ran.</source>
        <translation>
            <numerusform>alembic abgeschlossen: %n Schritt ausgeführt.</numerusform>
            <numerusform>alembic abgeschlossen: %n Schritte ausgeführt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../model/runner/alembicrun.cpp" line="37"/>
        <source>alembic failed in &quot;%1&quot; after %n step(s): %2</source>
        <translation>
            <numerusform>alembic ist in „%1“ nach %n Schritt gescheitert: %2</numerusform>
            <numerusform>alembic ist in „%1“ nach %n Schritten gescheitert: %2</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../model/runner/alembicrun.cpp" line="40"/>
        <source>alembic failed before any step ran: %1</source>
        <translation>alembic ist gescheitert, bevor ein Schritt lief: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../model/runner/alembicrun.cpp" line="42"/>
        <source>Cancelled after %n step(s); the step that was running was rolled back where the database allows it. Check the version rows before going on.</source>
        <translation>
            <numerusform>Nach %n Schritt abgebrochen; der gerade laufende Schritt wurde zurückgerollt, soweit die Datenbank das zulässt. Prüfen Sie die Versionszeilen, bevor Sie fortfahren.</numerusform>
            <numerusform>Nach %n Schritten abgebrochen; der gerade laufende Schritt wurde zurückgerollt, soweit die Datenbank das zulässt. Prüfen Sie die Versionszeilen, bevor Sie fortfahren.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../model/runner/alembicrun.cpp" line="46"/>
        <source>Nothing ran: %1</source>
        <translation>Nichts ausgeführt: %1</translation>
    </message>
    <message>
        <location filename="../model/runner/alembicrun.cpp" line="48"/>
        <source>Nothing ran: the database&apos;s revisions changed since the plan was made; they are %1 now. Look at the new state and preview again.</source>
        <translation>Nichts wurde ausgeführt: Die Revisionen der Datenbank haben sich seit dem Erstellen des Plans geändert; jetzt sind es %1. Sehen Sie sich den neuen Stand an und erstellen Sie die Vorschau erneut.</translation>
    </message>
    <message>
        <location filename="../model/runner/alembicrun.cpp" line="50"/>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <location filename="../model/runner/alembicrun.cpp" line="52"/>
        <source>alembic could not be started: %1</source>
        <translation>alembic konnte nicht gestartet werden: %1</translation>
    </message>
    <message>
        <location filename="../model/runner/alembicrun.cpp" line="249"/>
        <source>exit code %1</source>
        <translation>Exit-Code %1</translation>
    </message>
</context>
<context>
    <name>Checks</name>
    <message>
        <location filename="../model/history/checks.cpp" line="46"/>
        <source>The history has %1 heads (%2), each on its own branch label: separate lines of work. `alembic upgrade heads` upgrades them all and `alembic upgrade LABEL@head` one of them; `alembic upgrade head` refuses while there are several.</source>
        <translation>Die Historie hat %1 Heads (%2), jeder mit eigenem Branch-Label: getrennte Entwicklungslinien. `alembic upgrade heads` aktualisiert alle, `alembic upgrade LABEL@head` eine davon; `alembic upgrade head` verweigert, solange es mehrere gibt.</translation>
    </message>
    <message>
        <location filename="../model/history/checks.cpp" line="52"/>
        <source>The history has %1 heads (%2): `alembic upgrade heads` upgrades them all, while `alembic upgrade head` refuses. If they are branches of one line of work, join them with `alembic merge heads`; give lines meant to stay separate their own branch labels.</source>
        <translation>Die Historie hat %1 Heads (%2): `alembic upgrade heads` aktualisiert alle, `alembic upgrade head` dagegen verweigert. Gehören sie zu einer Entwicklungslinie, führen Sie sie mit `alembic merge heads` zusammen; Linien, die getrennt bleiben sollen, bekommen eigene Branch-Labels.</translation>
    </message>
</context>
<context>
    <name>DatabaseCommands</name>
    <message>
        <location filename="../app/cli/databasetarget.cpp" line="38"/>
        <source>Give either --url or --env, not both.</source>
        <translation>Geben Sie entweder --url oder --env an, nicht beides.</translation>
    </message>
    <message>
        <location filename="../app/cli/databasetarget.cpp" line="45"/>
        <source>--url - reads the URL from standard input, which gave none.</source>
        <translation>--url - liest die URL aus der Standardeingabe, die jedoch keine lieferte.</translation>
    </message>
    <message>
        <location filename="../app/cli/databasetarget.cpp" line="52"/>
        <source>The environment variable %1, named by --url-env, is not set.</source>
        <translation>Die mit --url-env genannte Umgebungsvariable %1 ist nicht gesetzt.</translation>
    </message>
    <message>
        <location filename="../app/cli/databasetarget.cpp" line="73"/>
        <source>No database: give --url URL or --env NAME, or set sqlalchemy.url in the config.</source>
        <translation>Keine Datenbank: Geben Sie --url URL oder --env NAME an oder setzen Sie sqlalchemy.url in der Konfiguration.</translation>
    </message>
    <message>
        <location filename="../app/cli/databasecommands.cpp" line="61"/>
        <location filename="../app/cli/databasecommands.cpp" line="112"/>
        <source>Current revision(s) for %1 are not head(s)</source>
        <translation>Aktuelle Revision(en) für %1 sind nicht die Head(s)</translation>
    </message>
    <message>
        <location filename="../app/cli/databasecommands.cpp" line="90"/>
        <source>Database: %1</source>
        <translation>Datenbank: %1</translation>
    </message>
    <message>
        <location filename="../app/cli/databasecommands.cpp" line="92"/>
        <source>Version table: %1 does not exist (not under Alembic control)</source>
        <translation>Versionstabelle: %1 existiert nicht (nicht von Alembic verwaltet)</translation>
    </message>
    <message>
        <location filename="../app/cli/databasecommands.cpp" line="96"/>
        <source>Version table: %1</source>
        <translation>Versionstabelle: %1</translation>
    </message>
    <message>
        <location filename="../app/cli/databasecommands.cpp" line="97"/>
        <source>Rows: %1</source>
        <translation>Zeilen: %1</translation>
    </message>
    <message>
        <location filename="../app/cli/databasecommands.cpp" line="98"/>
        <location filename="../app/cli/databasecommands.cpp" line="146"/>
        <location filename="../app/cli/databasecommands.cpp" line="147"/>
        <location filename="../app/cli/databasecommands.cpp" line="171"/>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <location filename="../app/cli/databasecommands.cpp" line="101"/>
        <source>Applied: %1 of %2 revisions</source>
        <translation>Angewendet: %1 von %2 Revisionen</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/cli/databasecommands.cpp" line="104"/>
        <source>Head %1: %n pending</source>
        <translation>
            <numerusform>Head %1: %n ausstehend</numerusform>
            <numerusform>Head %1: %n ausstehend</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/cli/databasecommands.cpp" line="157"/>
        <source>Warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <location filename="../app/cli/databasecommands.cpp" line="106"/>
        <source>Pending, in upgrade order: %1</source>
        <translation>Ausstehend, in upgrade-Reihenfolge: %1</translation>
    </message>
    <message>
        <location filename="../app/cli/databasecommands.cpp" line="119"/>
        <source>Name the revision(s) to stamp, e.g. `stamp heads`.</source>
        <translation>Nennen Sie die Revision(en) für stamp, z. B. `stamp heads`.</translation>
    </message>
    <message>
        <location filename="../app/cli/databasecommands.cpp" line="145"/>
        <source>Stamp %1: %2 -&gt; %3</source>
        <translation>stamp %1: %2 -&gt; %3</translation>
    </message>
    <message>
        <location filename="../app/cli/databasecommands.cpp" line="150"/>
        <source>The database file %1 does not exist; the stamp creates it.</source>
        <translation>Die Datenbankdatei %1 existiert nicht; das Setzen der Version (stamp) legt sie an.</translation>
    </message>
    <message>
        <location filename="../app/cli/databasecommands.cpp" line="163"/>
        <source>&apos;%1&apos; is protected: add --confirm %1 to write to it.</source>
        <translation>&apos;%1&apos; ist geschützt: Geben Sie --confirm %1 an, um darauf zu schreiben.</translation>
    </message>
    <message>
        <location filename="../app/cli/databasecommands.cpp" line="170"/>
        <source>Stamped. Rows: %1</source>
        <translation>stamp ausgeführt. Zeilen: %1</translation>
    </message>
</context>
<context>
    <name>DatabaseConnection</name>
    <message>
        <location filename="../model/database/databaseconnection.cpp" line="51"/>
        <source>Cannot open %1: the file %2 does not exist. Check the URL, or run alembic once to create it.</source>
        <translation>%1 kann nicht geöffnet werden: Die Datei %2 existiert nicht. Prüfen Sie die URL oder führen Sie alembic einmal aus, um sie anzulegen.</translation>
    </message>
    <message>
        <location filename="../model/database/databaseconnection.cpp" line="84"/>
        <source>Cannot connect to %1: %2</source>
        <translation>Keine Verbindung zu %1 möglich: %2</translation>
    </message>
    <message>
        <location filename="../model/database/databaseconnection.cpp" line="86"/>
        <source>The URL has more than one &apos;@&apos; before the host: write an &apos;@&apos; inside the password as %40.</source>
        <translation>Die URL enthält vor dem Host mehr als ein &apos;@&apos;: Schreiben Sie ein &apos;@&apos; im Passwort als %40.</translation>
    </message>
</context>
<context>
    <name>DatabaseUrl</name>
    <message>
        <location filename="../model/database/databaseurl_qt.cpp" line="140"/>
        <source>%1 names the dialect &apos;postgres&apos;, which SQLAlchemy 1.4 and later no longer accept; write &apos;postgresql&apos; instead.</source>
        <translation>%1 nennt den Dialekt &apos;postgres&apos;, den SQLAlchemy ab Version 1.4 nicht mehr akzeptiert; schreiben Sie stattdessen &apos;postgresql&apos;.</translation>
    </message>
    <message>
        <location filename="../model/database/databaseurl_qt.cpp" line="144"/>
        <source>%1 names the dialect &apos;%2&apos;, but SQLAlchemy&apos;s dialect names are lower case; write &apos;%3&apos; instead.</source>
        <translation>%1 nennt den Dialekt &apos;%2&apos;, aber die Dialektnamen von SQLAlchemy werden kleingeschrieben; schreiben Sie stattdessen &apos;%3&apos;.</translation>
    </message>
    <message>
        <location filename="../model/database/databaseurl_qt.cpp" line="147"/>
        <location filename="../model/database/databaseurl_qt.cpp" line="448"/>
        <source>Retort reads sqlite, postgresql, mysql and mariadb databases; &apos;%1&apos; (in %2) is not supported.</source>
        <translation>Retort liest Datenbanken vom Typ sqlite, postgresql, mysql und mariadb; &apos;%1&apos; (in %2) wird nicht unterstützt.</translation>
    </message>
    <message>
        <location filename="../model/database/databaseurl_qt.cpp" line="152"/>
        <source>%1 names an encrypted SQLCipher database, which Qt&apos;s SQLite driver cannot open.</source>
        <translation>%1 bezeichnet eine verschlüsselte SQLCipher-Datenbank, die der SQLite-Treiber von Qt nicht öffnen kann.</translation>
    </message>
    <message>
        <location filename="../model/database/databaseurl_qt.cpp" line="153"/>
        <source>Retort does not know the driver &apos;%1&apos; for %2 (in %3); it knows %4.</source>
        <translation>Retort kennt den Treiber &apos;%1&apos; für %2 nicht (in %3); bekannt sind: %4.</translation>
    </message>
    <message>
        <location filename="../model/database/databaseurl_qt.cpp" line="164"/>
        <source>%1 is not a valid SQLite URL: a SQLite URL has no user, password, host or port. Write sqlite:///relative/path/to/file.db, sqlite:////absolute/path/to/file.db or sqlite:// (in memory).</source>
        <translation>%1 ist keine gültige SQLite-URL: Eine SQLite-URL hat weder Benutzer noch Passwort, Host oder Port. Schreiben Sie sqlite:///relative/path/to/file.db, sqlite:////absolute/path/to/file.db oder sqlite:// (im Arbeitsspeicher).</translation>
    </message>
    <message>
        <location filename="../model/database/databaseurl_qt.cpp" line="170"/>
        <source>The query parameter &apos;uri&apos; in %1 must be true or false.</source>
        <translation>Der Abfrageparameter &apos;uri&apos; in %1 muss true oder false sein.</translation>
    </message>
    <message>
        <location filename="../model/database/databaseurl_qt.cpp" line="174"/>
        <source>The query parameter &apos;timeout&apos; in %1 must be a number of seconds.</source>
        <translation>Der Abfrageparameter &apos;timeout&apos; in %1 muss eine Anzahl von Sekunden sein.</translation>
    </message>
    <message>
        <location filename="../model/database/databaseurl_qt.cpp" line="193"/>
        <source>%1 mixes the two forms for several hosts; write either host=h1,h2,h3&amp;port=p1,p2,p3 or host=h1:p1&amp;host=h2:p2&amp;host=h3:p3.</source>
        <translation>%1 mischt die beiden Schreibweisen für mehrere Hosts; schreiben Sie entweder host=h1,h2,h3&amp;port=p1,p2,p3 oder host=h1:p1&amp;host=h2:p2&amp;host=h3:p3.</translation>
    </message>
    <message>
        <location filename="../model/database/databaseurl_qt.cpp" line="199"/>
        <source>%1 names the database twice, in its path (or ?database=) and as ?dbname=; give it once.</source>
        <translation>%1 nennt die Datenbank zweimal, im Pfad (oder als ?database=) und als ?dbname=; geben Sie sie nur einmal an.</translation>
    </message>
    <message>
        <location filename="../model/database/databaseurl_qt.cpp" line="203"/>
        <source>The query parameter &apos;host&apos; in %1 contains &apos;;&apos;, which Qt&apos;s %2 driver cannot pass on.</source>
        <translation>Der Abfrageparameter &apos;host&apos; in %1 enthält &apos;;&apos;, was der %2-Treiber von Qt nicht weitergeben kann.</translation>
    </message>
    <message>
        <location filename="../model/database/databaseurl_qt.cpp" line="209"/>
        <location filename="../model/database/databaseurl_qt.cpp" line="232"/>
        <source>The query parameter &apos;port&apos; in %1 is not a port number from 1 to 65535.</source>
        <translation>Der Abfrageparameter &apos;port&apos; in %1 ist keine Portnummer von 1 bis 65535.</translation>
    </message>
    <message>
        <location filename="../model/database/databaseurl_qt.cpp" line="218"/>
        <source>The query parameter &apos;%1&apos; in %2 must be a number of seconds.</source>
        <translation>Der Abfrageparameter &apos;%1&apos; in %2 muss eine Anzahl von Sekunden sein.</translation>
    </message>
    <message>
        <location filename="../model/database/databaseurl_qt.cpp" line="222"/>
        <source>The query parameter &apos;ssl&apos; in %1 must be true, false or an sslmode such as require.</source>
        <translation>Der Abfrageparameter &apos;ssl&apos; in %1 muss true, false oder ein sslmode wie require sein.</translation>
    </message>
    <message>
        <location filename="../model/database/databaseurl_qt.cpp" line="240"/>
        <source>The query parameter &apos;%1&apos; in %2 must be a whole number of seconds.</source>
        <translation>Der Abfrageparameter &apos;%1&apos; in %2 muss eine ganze Zahl von Sekunden sein.</translation>
    </message>
    <message>
        <location filename="../model/database/databaseurl_qt.cpp" line="243"/>
        <source>The query parameter &apos;compress&apos; in %1 must be true or false.</source>
        <translation>Der Abfrageparameter &apos;compress&apos; in %1 muss true oder false sein.</translation>
    </message>
    <message>
        <location filename="../model/database/databaseurl_qt.cpp" line="250"/>
        <source>The query parameter &apos;%1&apos; is given %2 times in %3; give it once.</source>
        <translation>Der Abfrageparameter &apos;%1&apos; ist in %3 %2-mal angegeben; geben Sie ihn nur einmal an.</translation>
    </message>
    <message>
        <location filename="../model/database/databaseurl_qt.cpp" line="261"/>
        <source>The query parameter &apos;%1&apos; in %2 contains &apos;;&apos;, which Qt&apos;s %3 driver cannot pass on.</source>
        <translation>Der Abfrageparameter &apos;%1&apos; in %2 enthält &apos;;&apos;, was der %3-Treiber von Qt nicht weitergeben kann.</translation>
    </message>
    <message>
        <location filename="../model/database/databaseurl_qt.cpp" line="264"/>
        <source>The query parameter &apos;%1&apos; in %2 has leading, trailing or repeated spaces, which Qt&apos;s %3 driver cannot pass on.</source>
        <translation>Der Abfrageparameter &apos;%1&apos; in %2 enthält führende, nachgestellte oder mehrfache Leerzeichen, die der %3-Treiber von Qt nicht weitergeben kann.</translation>
    </message>
    <message>
        <location filename="../model/database/databaseurl.cpp" line="321"/>
        <source>The text given is not a database URL; expected dialect+driver://user:password@host:port/database</source>
        <translation>Der angegebene Text ist keine Datenbank-URL; erwartet: dialect+driver://user:password@host:port/database</translation>
    </message>
    <message>
        <location filename="../model/database/databaseurl.cpp" line="326"/>
        <source>&apos;%1&apos; is not a database URL; expected dialect+driver://user:password@host:port/database</source>
        <translation>&apos;%1&apos; ist keine Datenbank-URL; erwartet: dialect+driver://user:password@host:port/database</translation>
    </message>
    <message>
        <location filename="../model/database/databaseurl.cpp" line="349"/>
        <source>The port in %1 is not a number from 1 to 65535.</source>
        <translation>Der Port in %1 ist keine Zahl von 1 bis 65535.</translation>
    </message>
    <message>
        <location filename="../model/database/databaseurl_qt.cpp" line="454"/>
        <source>Qt&apos;s %1 driver (%2) is not installed, so Retort cannot open %3; install the package %4.</source>
        <translation>Der %1-Treiber von Qt (%2) ist nicht installiert, daher kann Retort %3 nicht öffnen; installieren Sie das Paket %4.</translation>
    </message>
</context>
<context>
    <name>DeleteCommand</name>
    <message>
        <location filename="../app/cli/deletecommand.cpp" line="189"/>
        <source>Delete? [y/N] </source>
        <translation>Löschen? [y/N] </translation>
    </message>
    <message>
        <location filename="../app/cli/deletecommand.cpp" line="91"/>
        <source>Delete %1:</source>
        <translation>%1 löschen:</translation>
    </message>
    <message>
        <location filename="../app/cli/deletecommand.cpp" line="94"/>
        <source>delete %1</source>
        <translation>löschen   %1</translation>
    </message>
    <message>
        <location filename="../app/cli/deletecommand.cpp" line="97"/>
        <source>edit   %1</source>
        <translation>ändern   %1</translation>
    </message>
    <message>
        <location filename="../app/cli/deletecommand.cpp" line="99"/>
        <source>No environment is set up, so none was checked; give --url or --env to check a database.</source>
        <translation>Es ist keine Umgebung eingerichtet, daher wurde keine geprüft; geben Sie --url oder --env an, um eine Datenbank zu prüfen.</translation>
    </message>
    <message>
        <location filename="../app/cli/deletecommand.cpp" line="104"/>
        <source>Checked %1: %2</source>
        <translation>Geprüft %1: %2</translation>
    </message>
    <message>
        <location filename="../app/cli/deletecommand.cpp" line="106"/>
        <source>no revision applied</source>
        <translation>keine Revision angewendet</translation>
    </message>
    <message>
        <location filename="../app/cli/deletecommand.cpp" line="119"/>
        <source>delete needs one revision: delete REV [--with-descendants|--reparent].</source>
        <translation>delete braucht eine Revision: delete REV [--with-descendants|--reparent].</translation>
    </message>
    <message>
        <location filename="../app/cli/deletecommand.cpp" line="121"/>
        <source>Give either --with-descendants or --reparent, not both.</source>
        <translation>Geben Sie entweder --with-descendants oder --reparent an, nicht beides.</translation>
    </message>
    <message>
        <location filename="../app/cli/deletecommand.cpp" line="142"/>
        <source>git could not tell whether the files are committed: %1</source>
        <translation>git konnte nicht sagen, ob die Dateien committet sind: %1</translation>
    </message>
    <message>
        <location filename="../app/cli/deletecommand.cpp" line="182"/>
        <source>Warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <location filename="../app/cli/deletecommand.cpp" line="186"/>
        <source>Dry run: nothing was changed.</source>
        <translation>Probelauf: Nichts wurde geändert.</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/cli/deletecommand.cpp" line="190"/>
        <source>Not deleted: there are %n warning(s); read them, then add --yes to delete.</source>
        <translation>
            <numerusform>Nicht gelöscht: Es gibt %n Warnung; lesen Sie sie und fügen Sie dann --yes hinzu, um zu löschen.</numerusform>
            <numerusform>Nicht gelöscht: Es gibt %n Warnungen; lesen Sie sie und fügen Sie dann --yes hinzu, um zu löschen.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/cli/deletecommand.cpp" line="208"/>
        <source>Deleted %1; the files are in the trash (%2).</source>
        <translation>%1 gelöscht; die Dateien liegen im Papierkorb (%2).</translation>
    </message>
</context>
<context>
    <name>DetailsPane</name>
    <message>
        <location filename="../widgets/detailspane.cpp" line="34"/>
        <source>missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <location filename="../widgets/detailspane.cpp" line="50"/>
        <source>Revision details</source>
        <translation>Details der Revision</translation>
    </message>
    <message>
        <location filename="../widgets/detailspane.cpp" line="52"/>
        <source>Select a revision to see its details.</source>
        <translation>Wählen Sie eine Revision aus, um ihre Details zu sehen.</translation>
    </message>
    <message>
        <location filename="../widgets/detailspane.cpp" line="109"/>
        <source>Alembic cannot use this file, so it has no place in the graph.</source>
        <translation>Alembic kann diese Datei nicht verwenden, daher hat sie keinen Platz im Graphen.</translation>
    </message>
    <message>
        <location filename="../widgets/detailspane.cpp" line="153"/>
        <source>No file declares this revision, yet other revisions name it. Alembic refuses to run until it exists: restore the file or correct the revisions that refer to it.</source>
        <translation>Keine Datei deklariert diese Revision, dennoch wird sie von anderen Revisionen genannt. Alembic verweigert die Ausführung, solange sie nicht existiert: Stellen Sie die Datei wieder her oder korrigieren Sie die Revisionen, die auf sie verweisen.</translation>
    </message>
    <message>
        <location filename="../widgets/detailspane.cpp" line="181"/>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <location filename="../widgets/detailspane.cpp" line="182"/>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location filename="../widgets/detailspane.cpp" line="185"/>
        <source>Branch labels</source>
        <translation>Zweig-Labels</translation>
    </message>
    <message>
        <location filename="../widgets/detailspane.cpp" line="187"/>
        <source>Databases</source>
        <translation>Datenbanken</translation>
    </message>
    <message>
        <location filename="../widgets/detailspane.cpp" line="188"/>
        <source>Parents</source>
        <translation>Eltern</translation>
    </message>
    <message>
        <location filename="../widgets/detailspane.cpp" line="188"/>
        <source>none (a base)</source>
        <translation>keine (Basisrevision)</translation>
    </message>
    <message>
        <location filename="../widgets/detailspane.cpp" line="190"/>
        <source>Depends on</source>
        <translation>Hängt ab von</translation>
    </message>
    <message>
        <location filename="../widgets/detailspane.cpp" line="191"/>
        <source>Children</source>
        <translation>Kinder</translation>
    </message>
    <message>
        <location filename="../widgets/detailspane.cpp" line="191"/>
        <source>none (a head)</source>
        <translation>keine (Head-Revision)</translation>
    </message>
    <message>
        <location filename="../widgets/detailspane.cpp" line="197"/>
        <source>Needed by</source>
        <translation>Benötigt von</translation>
    </message>
    <message>
        <location filename="../widgets/detailspane.cpp" line="201"/>
        <source>Computed</source>
        <translation>Berechnet</translation>
    </message>
    <message>
        <location filename="../widgets/detailspane.cpp" line="211"/>
        <source>line %1: </source>
        <translation>Zeile %1: </translation>
    </message>
    <message>
        <location filename="../widgets/detailspane.cpp" line="216"/>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <location filename="../widgets/detailspane.cpp" line="225"/>
        <source>applied to %1</source>
        <translation>angewendet auf %1</translation>
    </message>
    <message>
        <location filename="../widgets/detailspane.cpp" line="226"/>
        <source>pending on %1</source>
        <translation>ausstehend auf %1</translation>
    </message>
    <message>
        <location filename="../widgets/detailspane.cpp" line="227"/>
        <source>not on %1</source>
        <translation>nicht auf %1</translation>
    </message>
    <message>
        <location filename="../widgets/detailspane.cpp" line="242"/>
        <source>Schema changes</source>
        <translation>Schemaänderungen</translation>
    </message>
    <message>
        <location filename="../widgets/detailspane.cpp" line="242"/>
        <source>(replayed for %1)</source>
        <translation>(nachgespielt für %1)</translation>
    </message>
    <message>
        <location filename="../widgets/detailspane.cpp" line="246"/>
        <source>line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <location filename="../widgets/detailspane.cpp" line="247"/>
        <source>Approximate: Retort could not follow these statements:</source>
        <translation>Näherungsweise: Retort konnte diesen Anweisungen nicht folgen:</translation>
    </message>
</context>
<context>
    <name>EditorCommand</name>
    <message>
        <location filename="../model/project/editorcommand.cpp" line="175"/>
        <source>A double quote is not closed.</source>
        <translation>Ein doppeltes Anführungszeichen ist nicht geschlossen.</translation>
    </message>
    <message>
        <location filename="../model/project/editorcommand.cpp" line="180"/>
        <source>%1 is not a placeholder: use {file}, {line} and {column}.</source>
        <translation>%1 ist kein Platzhalter: verwenden Sie {file}, {line} und {column}.</translation>
    </message>
    <message>
        <location filename="../model/project/editorcommand.cpp" line="183"/>
        <source>The command names no program.</source>
        <translation>Der Befehl nennt kein Programm.</translation>
    </message>
    <message>
        <location filename="../model/project/editorcommand.cpp" line="185"/>
        <source>The command must start with the editor&apos;s program, not with a placeholder.</source>
        <translation>Der Befehl muss mit dem Programm des Editors beginnen, nicht mit einem Platzhalter.</translation>
    </message>
    <message>
        <location filename="../model/project/editorcommand.cpp" line="260"/>
        <source>%1 (in a terminal)</source>
        <translation>%1 (in einem Terminal)</translation>
    </message>
    <message>
        <location filename="../model/project/editorcommand.cpp" line="262"/>
        <source>Visual Studio Code</source>
        <translation>Visual Studio Code</translation>
    </message>
    <message>
        <location filename="../model/project/editorcommand.cpp" line="263"/>
        <source>VSCodium</source>
        <translation>VSCodium</translation>
    </message>
    <message>
        <location filename="../model/project/editorcommand.cpp" line="264"/>
        <source>Kate</source>
        <translation>Kate</translation>
    </message>
    <message>
        <location filename="../model/project/editorcommand.cpp" line="265"/>
        <source>gedit</source>
        <translation>gedit</translation>
    </message>
    <message>
        <location filename="../model/project/editorcommand.cpp" line="266"/>
        <source>Emacs (emacsclient)</source>
        <translation>Emacs (emacsclient)</translation>
    </message>
    <message>
        <location filename="../model/project/editorcommand.cpp" line="267"/>
        <source>Sublime Text</source>
        <translation>Sublime Text</translation>
    </message>
    <message>
        <location filename="../model/project/editorcommand.cpp" line="268"/>
        <source>PyCharm</source>
        <translation>PyCharm</translation>
    </message>
</context>
<context>
    <name>EditorDialog</name>
    <message>
        <location filename="../widgets/editordialog.cpp" line="38"/>
        <source>External Editor</source>
        <translation>Externer Editor</translation>
    </message>
    <message>
        <location filename="../widgets/editordialog.cpp" line="42"/>
        <source>Open in Editor starts this editor on the revision&apos;s file, at its line.</source>
        <translation>„Im Editor öffnen“ startet diesen Editor mit der Datei der Revision, an ihrer Zeile.</translation>
    </message>
    <message>
        <location filename="../widgets/editordialog.cpp" line="46"/>
        <source>Automatic: $VISUAL, else $EDITOR, else the desktop&apos;s default</source>
        <translation>Automatisch: $VISUAL, sonst $EDITOR, sonst die Vorgabe des Desktops</translation>
    </message>
    <message>
        <location filename="../widgets/editordialog.cpp" line="47"/>
        <source>The desktop&apos;s default application (opens at the top)</source>
        <translation>Die Standardanwendung des Desktops (öffnet am Anfang)</translation>
    </message>
    <message>
        <location filename="../widgets/editordialog.cpp" line="49"/>
        <source>%1 (not found)</source>
        <translation>%1 (nicht gefunden)</translation>
    </message>
    <message>
        <location filename="../widgets/editordialog.cpp" line="52"/>
        <source>Custom command</source>
        <translation>Eigener Befehl</translation>
    </message>
    <message>
        <location filename="../widgets/editordialog.cpp" line="55"/>
        <source>e.g. %1</source>
        <translation>z. B. %1</translation>
    </message>
    <message>
        <location filename="../widgets/editordialog.cpp" line="58"/>
        <source>{file} is the file&apos;s path, {line} the line and {column} the column. Words are separated by spaces; put a word that holds spaces in double quotes. The command runs without a shell, so any file name is passed as it is; without {file} the file comes last.</source>
        <translation>{file} ist der Pfad der Datei, {line} die Zeile und {column} die Spalte. Wörter werden durch Leerzeichen getrennt; setzen Sie ein Wort mit Leerzeichen in doppelte Anführungszeichen. Der Befehl läuft ohne Shell, daher wird jeder Dateiname unverändert übergeben; ohne {file} kommt die Datei zuletzt.</translation>
    </message>
    <message>
        <location filename="../widgets/editordialog.cpp" line="76"/>
        <source>Test</source>
        <translation>Testen</translation>
    </message>
    <message>
        <location filename="../widgets/editordialog.cpp" line="80"/>
        <source>Select a revision to try the editor on its file</source>
        <translation>Wählen Sie eine Revision, um den Editor mit ihrer Datei zu testen</translation>
    </message>
    <message>
        <location filename="../widgets/editordialog.cpp" line="81"/>
        <source>Open %1 at line %2 with this command</source>
        <translation>%1 mit diesem Befehl in Zeile %2 öffnen</translation>
    </message>
    <message>
        <location filename="../widgets/editordialog.cpp" line="94"/>
        <source>&amp;Editor:</source>
        <translation>&amp;Editor:</translation>
    </message>
    <message>
        <location filename="../widgets/editordialog.cpp" line="95"/>
        <source>&amp;Command:</source>
        <translation>&amp;Befehl:</translation>
    </message>
    <message>
        <location filename="../widgets/editordialog.cpp" line="97"/>
        <source>Runs:</source>
        <translation>Führt aus:</translation>
    </message>
    <message>
        <location filename="../widgets/editordialog.cpp" line="184"/>
        <source>From $VISUAL (%1).</source>
        <translation>Aus $VISUAL (%1).</translation>
    </message>
    <message>
        <location filename="../widgets/editordialog.cpp" line="187"/>
        <source>From $EDITOR (%1).</source>
        <translation>Aus $EDITOR (%1).</translation>
    </message>
    <message>
        <location filename="../widgets/editordialog.cpp" line="190"/>
        <source>Neither $VISUAL nor $EDITOR is set.</source>
        <translation>Weder $VISUAL noch $EDITOR ist gesetzt.</translation>
    </message>
    <message>
        <location filename="../widgets/editordialog.cpp" line="200"/>
        <source>Type the command that opens a file in your editor.</source>
        <translation>Geben Sie den Befehl ein, der eine Datei in Ihrem Editor öffnet.</translation>
    </message>
    <message>
        <location filename="../widgets/editordialog.cpp" line="203"/>
        <source>Opens %1 with the desktop&apos;s default application for Python files, without going to the line.</source>
        <translation>Öffnet %1 mit der Standardanwendung des Desktops für Python-Dateien, ohne zur Zeile zu springen.</translation>
    </message>
    <message>
        <location filename="../widgets/editordialog.cpp" line="208"/>
        <source>✗ %1</source>
        <translation>✗ %1</translation>
    </message>
    <message>
        <location filename="../widgets/editordialog.cpp" line="211"/>
        <source>✗ %1 was not found or cannot be run.</source>
        <translation>✗ %1 wurde nicht gefunden oder kann nicht ausgeführt werden.</translation>
    </message>
    <message>
        <location filename="../widgets/editordialog.cpp" line="213"/>
        <source>✓ %1 is %2.</source>
        <translation>✓ %1 ist %2.</translation>
    </message>
    <message>
        <location filename="../widgets/editordialog.cpp" line="217"/>
        <source>%1 (for an example file)</source>
        <translation>%1 (für eine Beispieldatei)</translation>
    </message>
</context>
<context>
    <name>EditorLauncher</name>
    <message>
        <location filename="../widgets/editorlauncher.cpp" line="34"/>
        <source>The editor command from $VISUAL</source>
        <translation>Der Editor-Befehl aus $VISUAL</translation>
    </message>
    <message>
        <location filename="../widgets/editorlauncher.cpp" line="36"/>
        <source>The editor command from $EDITOR</source>
        <translation>Der Editor-Befehl aus $EDITOR</translation>
    </message>
    <message>
        <location filename="../widgets/editorlauncher.cpp" line="41"/>
        <source>The editor command</source>
        <translation>Der Editor-Befehl</translation>
    </message>
    <message>
        <location filename="../widgets/editorlauncher.cpp" line="52"/>
        <source>Cannot Open the Editor</source>
        <translation>Der Editor kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location filename="../widgets/editorlauncher.cpp" line="54"/>
        <source>Choose the editor in Edit ▸ External Editor…, or set $VISUAL or $EDITOR before starting Retort.</source>
        <translation>Wählen Sie den Editor unter Bearbeiten ▸ Externer Editor… oder setzen Sie $VISUAL oder $EDITOR, bevor Sie Retort starten.</translation>
    </message>
    <message>
        <location filename="../widgets/editorlauncher.cpp" line="58"/>
        <source>Choose Editor…</source>
        <translation>Editor wählen…</translation>
    </message>
    <message>
        <location filename="../widgets/editorlauncher.cpp" line="105"/>
        <source>No application is set up to open %1.</source>
        <translation>Keine Anwendung ist eingerichtet, um %1 zu öffnen.</translation>
    </message>
    <message>
        <location filename="../widgets/editorlauncher.cpp" line="106"/>
        <source>The desktop has no default application for Python files, and neither $VISUAL nor $EDITOR is set.</source>
        <translation>Der Desktop hat keine Standardanwendung für Python-Dateien, und weder $VISUAL noch $EDITOR ist gesetzt.</translation>
    </message>
    <message>
        <location filename="../widgets/editorlauncher.cpp" line="112"/>
        <source>%1 “%2” could not open %3.</source>
        <translation>%1 „%2“ konnte %3 nicht öffnen.</translation>
    </message>
    <message>
        <location filename="../widgets/editorlauncher.cpp" line="120"/>
        <source>The program %1 was not found or cannot be run.</source>
        <translation>Das Programm %1 wurde nicht gefunden oder kann nicht ausgeführt werden.</translation>
    </message>
    <message>
        <location filename="../widgets/editorlauncher.cpp" line="131"/>
        <source>%1 did not start: %2</source>
        <translation>%1 ist nicht gestartet: %2</translation>
    </message>
</context>
<context>
    <name>EnvScript</name>
    <message>
        <location filename="../model/project/envscript.cpp" line="59"/>
        <source>Cannot read env.py (%1); Retort assumes the version table alembic_version.</source>
        <translation>env.py kann nicht gelesen werden (%1); Retort nimmt die Versionstabelle alembic_version an.</translation>
    </message>
    <message>
        <location filename="../model/project/envscript.cpp" line="90"/>
        <source>env.py computes %1 (%2); Retort cannot tell its value without running env.py and uses the default. Set the version table in the environment&apos;s settings if it differs.</source>
        <translation>env.py berechnet %1 (%2); Retort kann den Wert nicht bestimmen, ohne env.py auszuführen, und verwendet die Vorgabe. Legen Sie die Versionstabelle in den Einstellungen der Umgebung fest, falls sie abweicht.</translation>
    </message>
</context>
<context>
    <name>Environment</name>
    <message>
        <location filename="../model/database/environment.cpp" line="44"/>
        <source>The environment variable %1, which holds the database URL of &apos;%2&apos;, is not set.</source>
        <translation>Die Umgebungsvariable %1, die die Datenbank-URL von &apos;%2&apos; enthält, ist nicht gesetzt.</translation>
    </message>
    <message>
        <location filename="../model/database/environment.cpp" line="58"/>
        <source>&apos;%1&apos; has no database URL and the project sets no sqlalchemy.url; give it a URL or the name of an environment variable that holds one.</source>
        <translation>&apos;%1&apos; hat keine Datenbank-URL und das Projekt setzt kein sqlalchemy.url; geben Sie eine URL an oder den Namen einer Umgebungsvariablen, die eine enthält.</translation>
    </message>
    <message>
        <location filename="../model/database/environment.cpp" line="136"/>
        <source>The URL of &apos;%1&apos; is not a database URL, so it was not saved: %2</source>
        <translation>Die URL von &apos;%1&apos; ist keine Datenbank-URL und wurde daher nicht gespeichert: %2</translation>
    </message>
    <message>
        <location filename="../model/database/environment.cpp" line="140"/>
        <source>The URL of &apos;%1&apos; has more than one &apos;@&apos; before the host, so it was not saved: write an &apos;@&apos; inside the password as %40.</source>
        <translation>Die URL von &apos;%1&apos; enthält vor dem Host mehr als ein &apos;@&apos; und wurde daher nicht gespeichert: Schreiben Sie ein &apos;@&apos; im Passwort als %40.</translation>
    </message>
    <message>
        <location filename="../model/database/environment.cpp" line="175"/>
        <source>Cannot write the environments to %1.</source>
        <translation>Die Umgebungen können nicht in %1 geschrieben werden.</translation>
    </message>
    <message>
        <location filename="../model/database/environment.cpp" line="190"/>
        <source>No environment &apos;%1&apos;: this project has none yet; add one in Retort or use --url.</source>
        <translation>Keine Umgebung &apos;%1&apos;: Dieses Projekt hat noch keine; legen Sie eine in Retort an oder verwenden Sie --url.</translation>
    </message>
    <message>
        <location filename="../model/database/environment.cpp" line="191"/>
        <source>No environment &apos;%1&apos;; this project has %2.</source>
        <translation>Keine Umgebung &apos;%1&apos;; dieses Projekt hat: %2.</translation>
    </message>
</context>
<context>
    <name>EnvironmentActions</name>
    <message>
        <location filename="../widgets/environmentactions.cpp" line="80"/>
        <source>Cannot Save Environment</source>
        <translation>Umgebung kann nicht gespeichert werden</translation>
    </message>
    <message>
        <location filename="../widgets/environmentactions.cpp" line="81"/>
        <source>%1 was not saved:</source>
        <translation>%1 wurde nicht gespeichert:</translation>
    </message>
    <message>
        <location filename="../widgets/environmentactions.cpp" line="153"/>
        <source>Removed the environment %1.</source>
        <translation>Umgebung %1 entfernt.</translation>
    </message>
    <message>
        <location filename="../widgets/environmentactions.cpp" line="156"/>
        <source>Remove Environment</source>
        <translation>Umgebung entfernen</translation>
    </message>
    <message>
        <location filename="../widgets/environmentactions.cpp" line="157"/>
        <source>Remove the environment %1 from this project&apos;s list?</source>
        <translation>Die Umgebung %1 aus der Liste dieses Projekts entfernen?</translation>
    </message>
    <message>
        <location filename="../widgets/environmentactions.cpp" line="160"/>
        <source>Retort forgets its URL, colour, variables and the password it keeps in the keychain. The database itself is not touched.</source>
        <translation>Retort vergisst ihre URL, Farbe, Variablen und das im Schlüsselbund gespeicherte Passwort. Die Datenbank selbst bleibt unberührt.</translation>
    </message>
    <message>
        <location filename="../widgets/environmentactions.cpp" line="162"/>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <location filename="../widgets/environmentactions.cpp" line="208"/>
        <source>Upgrade %1 to Here…</source>
        <translation>%1 bis hierher aktualisieren (upgrade)…</translation>
    </message>
    <message>
        <location filename="../widgets/environmentactions.cpp" line="209"/>
        <source>Downgrade %1 to Here…</source>
        <translation>%1 bis hierher zurückstufen (downgrade)…</translation>
    </message>
    <message>
        <location filename="../widgets/environmentactions.cpp" line="210"/>
        <source>Stamp %1 Here…</source>
        <translation>Version von %1 hier setzen (stamp)…</translation>
    </message>
    <message>
        <location filename="../widgets/environmentactions.cpp" line="211"/>
        <source>Compare Schema of %1 with Here…</source>
        <translation>Schema von %1 mit hier vergleichen…</translation>
    </message>
    <message>
        <location filename="../widgets/environmentactions.cpp" line="222"/>
        <source>Stamped %1: %2</source>
        <translation>Version von %1 gesetzt: %2</translation>
    </message>
    <message>
        <location filename="../widgets/environmentactions.cpp" line="225"/>
        <source>Stamp Failed</source>
        <translation>Setzen der Version fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../widgets/environmentactions.cpp" line="227"/>
        <source>%1 was not stamped:</source>
        <translation>Die Version von %1 wurde nicht gesetzt:</translation>
    </message>
</context>
<context>
    <name>EnvironmentBar</name>
    <message>
        <location filename="../widgets/environmentbar.cpp" line="38"/>
        <source>read just now</source>
        <translation>gerade gelesen</translation>
    </message>
    <message>
        <location filename="../widgets/environmentbar.cpp" line="40"/>
        <source>read %1 s ago</source>
        <translation>vor %1 s gelesen</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/environmentbar.cpp" line="42"/>
        <source>read %n min ago</source>
        <translation>
            <numerusform>vor %n min gelesen</numerusform>
            <numerusform>vor %n min gelesen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/environmentbar.cpp" line="43"/>
        <source>read %n h ago</source>
        <translation>
            <numerusform>vor %n h gelesen</numerusform>
            <numerusform>vor %n h gelesen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/environmentbar.cpp" line="61"/>
        <source>Add…</source>
        <translation>Hinzufügen…</translation>
    </message>
    <message>
        <location filename="../widgets/environmentbar.cpp" line="62"/>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <location filename="../widgets/environmentbar.cpp" line="63"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../widgets/environmentbar.cpp" line="64"/>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location filename="../widgets/environmentbar.cpp" line="78"/>
        <source>Read the version table again</source>
        <translation>Die Versionstabelle erneut lesen</translation>
    </message>
    <message>
        <location filename="../widgets/environmentbar.cpp" line="81"/>
        <source>Database:</source>
        <translation>Datenbank:</translation>
    </message>
    <message>
        <location filename="../widgets/environmentbar.cpp" line="106"/>
        <source>%1 (protected)</source>
        <translation>%1 (geschützt)</translation>
    </message>
    <message>
        <location filename="../widgets/environmentbar.cpp" line="110"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location filename="../widgets/environmentbar.cpp" line="133"/>
        <source>not read yet</source>
        <translation>noch nicht gelesen</translation>
    </message>
    <message>
        <location filename="../widgets/environmentbar.cpp" line="141"/>
        <source>%1
Rows: %2</source>
        <translation>%1
Zeilen: %2</translation>
    </message>
    <message>
        <location filename="../widgets/environmentbar.cpp" line="143"/>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <location filename="../widgets/environmentbar.cpp" line="167"/>
        <source>No database: add an environment to see which revisions it has applied.</source>
        <translation>Keine Datenbank: Fügen Sie eine Umgebung hinzu, um zu sehen, welche Revisionen darin angewendet wurden.</translation>
    </message>
    <message>
        <location filename="../widgets/environmentbar.cpp" line="131"/>
        <location filename="../widgets/environmentbar.cpp" line="174"/>
        <source>reading…</source>
        <translation>wird gelesen…</translation>
    </message>
</context>
<context>
    <name>EnvironmentDialog</name>
    <message>
        <location filename="../widgets/environmentdialog.cpp" line="32"/>
        <source>Protected: every write asks to type the name</source>
        <translation>Geschützt: Jeder Schreibvorgang verlangt die Eingabe des Namens</translation>
    </message>
    <message>
        <location filename="../widgets/environmentdialog.cpp" line="37"/>
        <source>Add Environment</source>
        <translation>Umgebung hinzufügen</translation>
    </message>
    <message>
        <location filename="../widgets/environmentdialog.cpp" line="37"/>
        <source>Edit Environment</source>
        <translation>Umgebung bearbeiten</translation>
    </message>
    <message>
        <location filename="../widgets/environmentdialog.cpp" line="42"/>
        <source>e.g. staging</source>
        <translation>z. B. staging</translation>
    </message>
    <message>
        <location filename="../widgets/environmentdialog.cpp" line="43"/>
        <source>postgresql://user@host/database</source>
        <translation>postgresql://user@host/database</translation>
    </message>
    <message>
        <location filename="../widgets/environmentdialog.cpp" line="44"/>
        <source>empty: the config&apos;s %1</source>
        <translation>leer: %1 aus der Konfiguration</translation>
    </message>
    <message>
        <location filename="../widgets/environmentdialog.cpp" line="45"/>
        <source>A SQLAlchemy URL. A password typed here is used for this session only and never saved.</source>
        <translation>Eine SQLAlchemy-URL. Ein hier eingegebenes Passwort wird nur für diese Sitzung verwendet und nie gespeichert.</translation>
    </message>
    <message>
        <location filename="../widgets/environmentdialog.cpp" line="46"/>
        <source>e.g. DATABASE_URL</source>
        <translation>z. B. DATABASE_URL</translation>
    </message>
    <message>
        <location filename="../widgets/environmentdialog.cpp" line="47"/>
        <source>ENVIRONMENT=production (one per line, for running alembic)</source>
        <translation>ENVIRONMENT=production (eine pro Zeile, zum Ausführen von alembic)</translation>
    </message>
    <message>
        <location filename="../widgets/environmentdialog.cpp" line="48"/>
        <source>Variables whose name holds PASSWORD, SECRET, TOKEN or KEY, or whose value is a URL with a password, are kept in the keychain and show as their name alone.</source>
        <translation>Variablen, deren Name PASSWORD, SECRET, TOKEN oder KEY enthält oder deren Wert eine URL mit Passwort ist, werden im Schlüsselbund aufbewahrt und nur mit ihrem Namen angezeigt.</translation>
    </message>
    <message>
        <location filename="../widgets/environmentdialog.cpp" line="52"/>
        <location filename="../widgets/environmentdialog.cpp" line="53"/>
        <source>from env.py</source>
        <translation>aus env.py</translation>
    </message>
    <message>
        <location filename="../widgets/environmentdialog.cpp" line="60"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location filename="../widgets/environmentdialog.cpp" line="61"/>
        <source>Database &amp;URL:</source>
        <translation>Datenbank-&amp;URL:</translation>
    </message>
    <message>
        <location filename="../widgets/environmentdialog.cpp" line="62"/>
        <source>…or URL from &amp;variable:</source>
        <translation>…oder URL aus Va&amp;riable:</translation>
    </message>
    <message>
        <location filename="../widgets/environmentdialog.cpp" line="63"/>
        <source>&amp;Variables:</source>
        <translation>&amp;Variablen:</translation>
    </message>
    <message>
        <location filename="../widgets/environmentdialog.cpp" line="64"/>
        <source>&amp;Colour:</source>
        <translation>&amp;Farbe:</translation>
    </message>
    <message>
        <location filename="../widgets/environmentdialog.cpp" line="66"/>
        <source>Version &amp;table:</source>
        <translation>Versions&amp;tabelle:</translation>
    </message>
    <message>
        <location filename="../widgets/environmentdialog.cpp" line="67"/>
        <source>Version table &amp;schema:</source>
        <translation>Versionstabellen-&amp;Schema:</translation>
    </message>
    <message>
        <location filename="../widgets/environmentdialog.cpp" line="78"/>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <location filename="../widgets/environmentdialog.cpp" line="97"/>
        <source>Give the environment a name.</source>
        <translation>Geben Sie der Umgebung einen Namen.</translation>
    </message>
    <message>
        <location filename="../widgets/environmentdialog.cpp" line="99"/>
        <source>Another environment is called &apos;%1&apos;.</source>
        <translation>Eine andere Umgebung heißt bereits &apos;%1&apos;.</translation>
    </message>
    <message>
        <location filename="../widgets/environmentdialog.cpp" line="101"/>
        <source>Give a URL or a variable, not both.</source>
        <translation>Geben Sie eine URL oder eine Variable an, nicht beides.</translation>
    </message>
</context>
<context>
    <name>EnvironmentPlacement</name>
    <message>
        <location filename="../model/database/environmentplacement.cpp" line="43"/>
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <location filename="../model/database/environmentplacement.cpp" line="43"/>
        <source>pending · %1</source>
        <translation>ausstehend · %1</translation>
    </message>
    <message>
        <location filename="../model/database/environmentplacement.cpp" line="55"/>
        <source>Applied to: %1</source>
        <translation>Angewendet auf: %1</translation>
    </message>
    <message>
        <location filename="../model/database/environmentplacement.cpp" line="57"/>
        <source>Pending on: %1</source>
        <translation>Ausstehend auf: %1</translation>
    </message>
</context>
<context>
    <name>EnvironmentSession</name>
    <message>
        <location filename="../model/database/environmentsession.cpp" line="49"/>
        <source>config</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <location filename="../model/database/environmentsession.cpp" line="187"/>
        <source>Needs a password: click Refresh to enter it.</source>
        <translation>Passwort erforderlich: Klicken Sie auf „Aktualisieren“, um es einzugeben.</translation>
    </message>
</context>
<context>
    <name>EnvironmentSummary</name>
    <message>
        <location filename="../model/database/environmentsummary.cpp" line="63"/>
        <source>not under Alembic control (no %1 table)</source>
        <translation>nicht von Alembic verwaltet (keine Tabelle %1)</translation>
    </message>
    <message>
        <location filename="../model/database/environmentsummary.cpp" line="65"/>
        <source>at the heads</source>
        <translation>auf dem Stand der Heads</translation>
    </message>
    <message>
        <location filename="../model/database/environmentsummary.cpp" line="70"/>
        <source>%1 to %2</source>
        <translation>%1 bis %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../model/database/environmentsummary.cpp" line="72"/>
        <source>%n pending</source>
        <translation>
            <numerusform>%n ausstehend</numerusform>
            <numerusform>%n ausstehend</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../model/database/environmentsummary.cpp" line="76"/>
        <source>%n unknown row(s): %1</source>
        <translation>
            <numerusform>%n unbekannte Zeile: %1</numerusform>
            <numerusform>%n unbekannte Zeilen: %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../model/database/environmentsummary.cpp" line="84"/>
        <source>Unknown row: %1 names no revision of this project. Restore its revision file, or stamp the database to the revision it really matches.</source>
        <translation>Unbekannte Zeile: %1 bezeichnet keine Revision dieses Projekts. Stellen Sie ihre Revisionsdatei wieder her oder setzen Sie die Datenbank per stamp auf die Revision, der sie tatsächlich entspricht.</translation>
    </message>
    <message>
        <location filename="../model/database/environmentsummary.cpp" line="91"/>
        <source>Unknown rows name revisions this project does not have: restore their files, or stamp the database to the revision it really matches.</source>
        <translation>Unbekannte Zeilen bezeichnen Revisionen, die dieses Projekt nicht hat: Stellen Sie deren Dateien wieder her oder setzen Sie die Datenbank per stamp auf die Revision, der sie tatsächlich entspricht.</translation>
    </message>
</context>
<context>
    <name>FileTransaction</name>
    <message>
        <location filename="../model/edits/filetransaction.cpp" line="75"/>
        <location filename="../model/edits/filetransaction.cpp" line="88"/>
        <source>Cannot write beside %1: %2. Nothing was changed.</source>
        <translation>Neben %1 kann nicht geschrieben werden: %2. Nichts wurde geändert.</translation>
    </message>
    <message>
        <location filename="../model/edits/filetransaction.cpp" line="136"/>
        <source>Cannot flush the new files in %1 to the disk. Nothing was changed.</source>
        <translation>Die neuen Dateien in %1 können nicht auf die Platte geschrieben werden. Nichts wurde geändert.</translation>
    </message>
    <message>
        <location filename="../model/edits/filetransaction.cpp" line="146"/>
        <source>Cannot replace %1: %2. Every file was put back as it was.</source>
        <translation>%1 kann nicht ersetzt werden: %2. Alle Dateien wurden wiederhergestellt.</translation>
    </message>
    <message>
        <location filename="../model/edits/filetransaction.cpp" line="167"/>
        <source>There is no trash for %1 and the folder %2 cannot be made.</source>
        <translation>Für %1 gibt es keinen Papierkorb, und der Ordner %2 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <location filename="../model/edits/filetransaction.cpp" line="175"/>
        <source>Cannot move %1 to the trash or to %2.</source>
        <translation>%1 kann weder in den Papierkorb noch nach %2 verschoben werden.</translation>
    </message>
    <message>
        <location filename="../model/edits/filetransaction.cpp" line="217"/>
        <source>%1 changed since the preview was made. Nothing was written; look at it again.</source>
        <translation>%1 hat sich seit der Vorschau geändert. Nichts wurde geschrieben; sehen Sie es sich erneut an.</translation>
    </message>
    <message>
        <location filename="../model/edits/filetransaction.cpp" line="220"/>
        <source>%1 is read-only. Nothing was written; make it writable (chmod u+w) and try again, or leave the history as it is.</source>
        <translation>%1 ist schreibgeschützt. Nichts wurde geschrieben; machen Sie die Datei beschreibbar (chmod u+w) und versuchen Sie es erneut, oder lassen Sie die Historie, wie sie ist.</translation>
    </message>
    <message>
        <location filename="../model/edits/filetransaction.cpp" line="250"/>
        <source>Every file was put back as it was.</source>
        <translation>Alle Dateien wurden wiederhergestellt.</translation>
    </message>
    <message>
        <location filename="../model/edits/filetransaction.cpp" line="263"/>
        <source>%1 exists again, so undoing would overwrite it. Nothing was changed.</source>
        <translation>%1 existiert wieder; Rückgängigmachen würde die Datei überschreiben. Nichts wurde geändert.</translation>
    </message>
    <message>
        <location filename="../model/edits/filetransaction.cpp" line="267"/>
        <source>%1 was changed after Retort&apos;s edit; undoing would lose that change. Nothing was changed.</source>
        <translation>%1 wurde nach Retorts Änderung bearbeitet; Rückgängigmachen würde diese Änderung verwerfen. Nichts wurde geändert.</translation>
    </message>
</context>
<context>
    <name>GitStatus</name>
    <message>
        <location filename="../model/edits/gitstatus.cpp" line="41"/>
        <source>git could not be started (%1)</source>
        <translation>git konnte nicht gestartet werden (%1)</translation>
    </message>
    <message numerus="yes">
        <location filename="../model/edits/gitstatus.cpp" line="47"/>
        <source>git did not answer within %n second(s)</source>
        <translation>
            <numerusform>git hat nicht innerhalb von %n Sekunde geantwortet</numerusform>
            <numerusform>git hat nicht innerhalb von %n Sekunden geantwortet</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../model/edits/gitstatus.cpp" line="155"/>
        <source>%1 is pushed (%2): other checkouts, CI or deploys may have applied it to databases Retort does not know.</source>
        <translation>%1 ist gepusht (%2): Andere Checkouts, CI oder Deployments können sie auf Datenbanken angewendet haben, die Retort nicht kennt.</translation>
    </message>
    <message>
        <location filename="../model/edits/gitstatus.cpp" line="159"/>
        <source>%1 is also on the branches %2: a database migrated from one of them may have it applied.</source>
        <translation>%1 liegt auch auf den Branches %2: Eine von dort migrierte Datenbank kann sie angewendet haben.</translation>
    </message>
    <message>
        <location filename="../model/edits/gitstatus.cpp" line="177"/>
        <source>%1 is not committed: deleting it loses it from git too (the trash keeps a copy).</source>
        <translation>%1 ist nicht committet: Beim Löschen geht sie auch für git verloren (der Papierkorb behält eine Kopie).</translation>
    </message>
    <message>
        <location filename="../model/edits/gitstatus.cpp" line="180"/>
        <source>%1 has changes that are not committed.</source>
        <translation>%1 hat nicht committete Änderungen.</translation>
    </message>
    <message>
        <location filename="../model/edits/gitstatus.cpp" line="183"/>
        <source>%1 is committed: the deletion is a change to commit.</source>
        <translation>%1 ist committet: Das Löschen ist eine Änderung, die committet werden muss.</translation>
    </message>
</context>
<context>
    <name>GraphExport</name>
    <message>
        <location filename="../model/graph/graphexport.cpp" line="45"/>
        <source>unknown row %1</source>
        <translation>unbekannte Zeile %1</translation>
    </message>
    <message>
        <location filename="../model/graph/graphexport.cpp" line="48"/>
        <source>no %1 table</source>
        <translation>keine Tabelle %1</translation>
    </message>
    <message>
        <location filename="../model/graph/graphexport.cpp" line="50"/>
        <source>no version rows</source>
        <translation>keine Versionszeilen</translation>
    </message>
</context>
<context>
    <name>GraphExportDialog</name>
    <message>
        <location filename="../widgets/graphexportdialog.cpp" line="39"/>
        <source>No database has been read yet: add an environment, or read the config&apos;s database, in the database bar first.</source>
        <translation>Noch wurde keine Datenbank gelesen: fügen Sie zuerst in der Datenbankleiste eine Umgebung hinzu oder lesen Sie die Datenbank der Konfiguration.</translation>
    </message>
    <message>
        <location filename="../widgets/graphexportdialog.cpp" line="82"/>
        <source>There is no graph to export yet.</source>
        <translation>Es gibt noch keinen Graphen zum Exportieren.</translation>
    </message>
    <message>
        <location filename="../widgets/graphexportdialog.cpp" line="87"/>
        <source>Choose a file name ending in .svg, .png or .dot.</source>
        <translation>Wählen Sie einen Dateinamen mit der Endung .svg, .png oder .dot.</translation>
    </message>
    <message>
        <location filename="../widgets/graphexportdialog.cpp" line="100"/>
        <source>Export Graph</source>
        <translation>Graph exportieren</translation>
    </message>
    <message>
        <location filename="../widgets/graphexportdialog.cpp" line="101"/>
        <source>SVG image (*.svg);;PNG image (*.png);;Graphviz DOT (*.dot)</source>
        <translation>SVG-Bild (*.svg);;PNG-Bild (*.png);;Graphviz-DOT (*.dot)</translation>
    </message>
    <message>
        <location filename="../widgets/graphexportdialog.cpp" line="111"/>
        <source>Show where each database stands</source>
        <translation>Zeigen, wo jede Datenbank steht</translation>
    </message>
    <message>
        <location filename="../widgets/graphexportdialog.cpp" line="116"/>
        <source>Draws each environment&apos;s pin on the revisions its version table names, as the window shows them, with a legend.</source>
        <translation>Zeichnet die Markierung jeder Umgebung an die Revisionen, die ihre Versionstabelle nennt, wie das Fenster sie zeigt, mit einer Legende.</translation>
    </message>
    <message>
        <location filename="../widgets/graphexportdialog.cpp" line="145"/>
        <source>Cannot Export Graph</source>
        <translation>Graph kann nicht exportiert werden</translation>
    </message>
    <message>
        <location filename="../widgets/graphexportdialog.cpp" line="146"/>
        <source>%1 was not written:</source>
        <translation>%1 wurde nicht geschrieben:</translation>
    </message>
</context>
<context>
    <name>GraphExporter</name>
    <message>
        <location filename="../widgets/drawing/graphexporter.cpp" line="68"/>
        <source>unknown to this project</source>
        <translation>diesem Projekt unbekannt</translation>
    </message>
    <message>
        <location filename="../widgets/drawing/graphexporter.cpp" line="90"/>
        <source>Alembic revision graph</source>
        <translation>Alembic-Revisionsgraph</translation>
    </message>
    <message>
        <location filename="../widgets/drawing/graphexporter.cpp" line="91"/>
        <source>Alembic revision graph drawn by Retort</source>
        <translation>Alembic-Revisionsgraph, gezeichnet von Retort</translation>
    </message>
    <message>
        <location filename="../widgets/drawing/graphexporter.cpp" line="124"/>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location filename="../widgets/drawing/graphexporter.cpp" line="141"/>
        <source>Cannot draw the graph as a PNG image: it is too large. Export it as SVG instead.</source>
        <translation>Der Graph kann nicht als PNG-Bild gezeichnet werden: Er ist zu groß. Exportieren Sie ihn stattdessen als SVG.</translation>
    </message>
</context>
<context>
    <name>GraphLayout</name>
    <message>
        <location filename="../model/graph/graphvizlayout.cpp" line="114"/>
        <source>Graphviz could not create a graph.</source>
        <translation>Graphviz konnte keinen Graphen erstellen.</translation>
    </message>
    <message>
        <location filename="../model/graph/graphlayout.cpp" line="26"/>
        <source>An edge names a node that does not exist.</source>
        <translation>Eine Kante verweist auf einen Knoten, der nicht existiert.</translation>
    </message>
    <message numerus="yes">
        <location filename="../model/graph/graphlayout.cpp" line="41"/>
        <source>%n cards are more than Graphviz lays out in reasonable time</source>
        <translation>
            <numerusform>%n Karte ist mehr, als Graphviz in vertretbarer Zeit anordnet</numerusform>
            <numerusform>%n Karten sind mehr, als Graphviz in vertretbarer Zeit anordnet</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../model/graph/graphlayout.cpp" line="51"/>
        <source>%1; showing a simpler layered layout.</source>
        <translation>%1; es wird ein einfacheres Schichtenlayout angezeigt.</translation>
    </message>
    <message>
        <location filename="../model/graph/graphvizlayout.cpp" line="157"/>
        <source>Graphviz could not lay out the graph: %1 Check that the Graphviz plugins are installed and configured (run `dot -c` as root).</source>
        <translation>Graphviz konnte den Graphen nicht anordnen: %1 Prüfen Sie, ob die Graphviz-Plugins installiert und eingerichtet sind (führen Sie `dot -c` als root aus).</translation>
    </message>
</context>
<context>
    <name>GraphOverview</name>
    <message>
        <location filename="../widgets/graphoverview.cpp" line="24"/>
        <source>Overview: click or drag to move the graph</source>
        <translation>Übersicht: Klicken oder ziehen, um den Graphen zu verschieben</translation>
    </message>
</context>
<context>
    <name>GraphPainter</name>
    <message>
        <location filename="../widgets/drawing/graphpainter.cpp" line="156"/>
        <location filename="../widgets/drawing/graphpainter.cpp" line="296"/>
        <source>HEAD</source>
        <translation>HEAD</translation>
    </message>
    <message>
        <location filename="../widgets/drawing/graphpainter.cpp" line="157"/>
        <location filename="../widgets/drawing/graphpainter.cpp" line="298"/>
        <source>MERGE</source>
        <translation>MERGE</translation>
    </message>
    <message>
        <location filename="../widgets/drawing/graphpainter.cpp" line="158"/>
        <location filename="../widgets/drawing/graphpainter.cpp" line="301"/>
        <source>BRANCH</source>
        <translation>ZWEIG</translation>
    </message>
    <message>
        <location filename="../widgets/drawing/graphpainter.cpp" line="159"/>
        <location filename="../widgets/drawing/graphpainter.cpp" line="303"/>
        <source>BASE</source>
        <translation>BASIS</translation>
    </message>
</context>
<context>
    <name>GraphPicture</name>
    <message numerus="yes">
        <location filename="../model/graph/graphpicture.cpp" line="62"/>
        <source>%n revisions</source>
        <translation>
            <numerusform>%n Revision</numerusform>
            <numerusform>%n Revisionen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../model/graph/graphpicture.cpp" line="63"/>
        <source>%1 … %2</source>
        <translation>%1 … %2</translation>
    </message>
    <message>
        <location filename="../model/graph/graphpicture.cpp" line="70"/>
        <source>missing revision</source>
        <translation>fehlende Revision</translation>
    </message>
</context>
<context>
    <name>HeadMaintainer</name>
    <message>
        <location filename="../model/history/headmaintainer.cpp" line="63"/>
        <source>Cannot insert %1: the version table already has that row.</source>
        <translation>%1 kann nicht eingefügt werden: Die Versionstabelle enthält diese Zeile bereits.</translation>
    </message>
    <message>
        <location filename="../model/history/headmaintainer.cpp" line="74"/>
        <source>Cannot delete %1: the version table has no such row (alembic stops here with a KeyError).</source>
        <translation>%1 kann nicht gelöscht werden: Die Versionstabelle enthält keine solche Zeile (alembic bricht hier mit einem KeyError ab).</translation>
    </message>
    <message>
        <location filename="../model/history/headmaintainer.cpp" line="86"/>
        <source>Cannot update %1 to %2: the version table already has %2.</source>
        <translation>%1 kann nicht auf %2 aktualisiert werden: Die Versionstabelle enthält %2 bereits.</translation>
    </message>
    <message>
        <location filename="../model/history/headmaintainer.cpp" line="90"/>
        <source>Cannot update %1 to %2: the version table has no row %1 (alembic stops here with a KeyError).</source>
        <translation>%1 kann nicht auf %2 aktualisiert werden: Die Versionstabelle enthält keine Zeile %1 (alembic bricht hier mit einem KeyError ab).</translation>
    </message>
    <message>
        <location filename="../model/history/headmaintainer.cpp" line="146"/>
        <source>This stamp step has nothing to move from.</source>
        <translation>Für diesen stamp-Schritt gibt es keinen Ausgangspunkt.</translation>
    </message>
    <message>
        <location filename="../model/history/headmaintainer.cpp" line="162"/>
        <source>Cannot merge into %1: every parent is implied by another row.</source>
        <translation>Zusammenführung in %1 nicht möglich: Jede Elternrevision wird bereits durch eine andere Zeile abgedeckt.</translation>
    </message>
    <message>
        <location filename="../model/history/headmaintainer.cpp" line="184"/>
        <source>Can&apos;t do an UPDATE because downrevision is ambiguous</source>
        <translation>UPDATE nicht möglich, da downrevision mehrdeutig ist</translation>
    </message>
</context>
<context>
    <name>HeaderEvaluator</name>
    <message>
        <location filename="../model/python/headerevaluator.cpp" line="41"/>
        <source>%1 could not load the file: %2</source>
        <translation>%1 konnte die Datei nicht laden: %2</translation>
    </message>
    <message>
        <location filename="../model/python/headerevaluator.cpp" line="86"/>
        <source>%1 cannot be started (%2). Choose the project&apos;s Python interpreter.</source>
        <translation>%1 kann nicht gestartet werden (%2). Wählen Sie den Python-Interpreter des Projekts.</translation>
    </message>
    <message>
        <location filename="../model/python/headerevaluator.cpp" line="112"/>
        <source>%1 cannot import alembic (%2). Install alembic in the project&apos;s environment, or choose the interpreter that has it.</source>
        <translation>%1 kann alembic nicht importieren (%2). Installieren Sie alembic in der Umgebung des Projekts, oder wählen Sie den Interpreter, der es enthält.</translation>
    </message>
    <message>
        <location filename="../model/python/headerevaluator.cpp" line="120"/>
        <source>evaluated by %1 (Python %2, alembic %3)</source>
        <translation>ausgewertet von %1 (Python %2, alembic %3)</translation>
    </message>
    <message>
        <location filename="../model/python/headerevaluator.cpp" line="142"/>
        <source>%1 stopped before it could evaluate anything: %2</source>
        <translation>%1 wurde beendet, bevor etwas ausgewertet werden konnte: %2</translation>
    </message>
    <message>
        <location filename="../model/python/headerevaluator.cpp" line="143"/>
        <source>no output</source>
        <translation>keine Ausgabe</translation>
    </message>
    <message>
        <location filename="../model/python/headerevaluator.cpp" line="150"/>
        <source>the interpreter stopped before this file</source>
        <translation>der Interpreter wurde vor dieser Datei beendet</translation>
    </message>
    <message numerus="yes">
        <location filename="../model/python/headerevaluator.cpp" line="157"/>
        <source>loading it did not finish within %n second(s)</source>
        <translation>
            <numerusform>das Laden wurde nicht innerhalb von %n Sekunde abgeschlossen</numerusform>
            <numerusform>das Laden wurde nicht innerhalb von %n Sekunden abgeschlossen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HeaderResolver</name>
    <message>
        <location filename="../model/project/headerresolver.cpp" line="138"/>
        <source>module %1 is not in the project&apos;s source tree (searched %2)</source>
        <translation>das Modul %1 liegt nicht im Quellbaum des Projekts (durchsucht: %2)</translation>
    </message>
    <message>
        <location filename="../model/project/headerresolver.cpp" line="139"/>
        <source>no folders</source>
        <translation>keine Ordner</translation>
    </message>
    <message>
        <location filename="../model/project/headerresolver.cpp" line="150"/>
        <source>&apos;.%1&apos; is taken from something that is not a module</source>
        <translation>&apos;.%1&apos; wird von etwas genommen, das kein Modul ist</translation>
    </message>
    <message>
        <location filename="../model/project/headerresolver.cpp" line="153"/>
        <source>%1 cannot be read</source>
        <translation>%1 kann nicht gelesen werden</translation>
    </message>
    <message>
        <location filename="../model/project/headerresolver.cpp" line="170"/>
        <location filename="../model/project/headerresolver.cpp" line="194"/>
        <source>%1 may come from a `*` import in %2</source>
        <translation>%1 kann aus einem `*`-Import in %2 stammen</translation>
    </message>
    <message>
        <location filename="../model/project/headerresolver.cpp" line="171"/>
        <source>%1 defines no module-level %2</source>
        <translation>%1 definiert kein %2 auf Modulebene</translation>
    </message>
    <message>
        <location filename="../model/project/headerresolver.cpp" line="178"/>
        <location filename="../model/project/headerresolver.cpp" line="213"/>
        <source>%1 is defined through too many names</source>
        <translation>%1 ist über zu viele Namen definiert</translation>
    </message>
    <message>
        <location filename="../model/project/headerresolver.cpp" line="180"/>
        <source>%1 is changed by module-level code in %2, so only running it tells its value</source>
        <translation>%1 wird durch Code auf Modulebene in %2 verändert, daher ergibt sich sein Wert erst beim Ausführen</translation>
    </message>
    <message>
        <location filename="../model/project/headerresolver.cpp" line="195"/>
        <source>%1 is not defined at module level in %2</source>
        <translation>%1 ist in %2 nicht auf Modulebene definiert</translation>
    </message>
    <message>
        <location filename="../model/project/headerresolver.cpp" line="204"/>
        <source>%1 = %2 (%3:%4)</source>
        <translation>%1 = %2 (%3:%4)</translation>
    </message>
    <message>
        <location filename="../model/project/headerresolver.cpp" line="237"/>
        <source>%1 is not a string</source>
        <translation>%1 ist keine Zeichenkette</translation>
    </message>
    <message>
        <location filename="../model/project/headerresolver.cpp" line="258"/>
        <source>%1 is computed, not a constant</source>
        <translation>%1 wird berechnet und ist keine Konstante</translation>
    </message>
    <message>
        <location filename="../model/project/headerresolver.cpp" line="274"/>
        <source>%1 is a module</source>
        <translation>%1 ist ein Modul</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <location filename="../widgets/historyview.cpp" line="116"/>
        <source>Revision history</source>
        <translation>Revisionsverlauf</translation>
    </message>
</context>
<context>
    <name>IniConfig</name>
    <message>
        <location filename="../model/project/iniconfig.cpp" line="78"/>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location filename="../model/project/iniconfig.cpp" line="101"/>
        <source>%1 starts with a UTF-8 byte-order mark, which Python&apos;s ConfigParser (used by alembic) does not skip; alembic will not find the first section. Save the file without a BOM.</source>
        <translation>%1 beginnt mit einer UTF-8-Bytereihenfolgemarkierung (BOM), die Pythons ConfigParser (von alembic verwendet) nicht überspringt; alembic findet den ersten Abschnitt nicht. Speichern Sie die Datei ohne BOM.</translation>
    </message>
    <message>
        <location filename="../model/project/iniconfig.cpp" line="111"/>
        <source>%1 is not valid UTF-8; alembic cannot read it. Invalid bytes were replaced.</source>
        <translation>%1 ist kein gültiges UTF-8; alembic kann die Datei nicht lesen. Ungültige Bytes wurden ersetzt.</translation>
    </message>
    <message>
        <location filename="../model/project/iniconfig.cpp" line="164"/>
        <source>Section [%1] appears more than once in %2 (again at line %3); Python&apos;s ConfigParser (used by alembic) rejects the file. Merge the sections.</source>
        <translation>Der Abschnitt [%1] kommt in %2 mehr als einmal vor (erneut in Zeile %3); Pythons ConfigParser (von alembic verwendet) lehnt die Datei ab. Führen Sie die Abschnitte zusammen.</translation>
    </message>
    <message>
        <location filename="../model/project/iniconfig.cpp" line="181"/>
        <source>%1 has text before its first section header (line %2: &apos;%3&apos;); Python&apos;s ConfigParser (used by alembic) rejects the file. Start the file with a section such as [alembic].</source>
        <translation>%1 enthält Text vor der ersten Abschnittsüberschrift (Zeile %2: &apos;%3&apos;); Pythons ConfigParser (von alembic verwendet) lehnt die Datei ab. Beginnen Sie die Datei mit einem Abschnitt wie [alembic].</translation>
    </message>
    <message>
        <location filename="../model/project/iniconfig.cpp" line="201"/>
        <source>%1 line %2 is neither a section header, a &apos;name = value&apos; option nor a comment: &apos;%3&apos;; Python&apos;s ConfigParser (used by alembic) rejects the file.</source>
        <translation>%1, Zeile %2 ist weder eine Abschnittsüberschrift noch eine Option der Form &apos;name = value&apos; noch ein Kommentar: &apos;%3&apos;; Pythons ConfigParser (von alembic verwendet) lehnt die Datei ab.</translation>
    </message>
    <message>
        <location filename="../model/project/iniconfig.cpp" line="211"/>
        <source>Option &apos;%1&apos; is set more than once in section [%2] of %3 (again at line %4); Python&apos;s ConfigParser (used by alembic) rejects the file. Remove one of them.</source>
        <translation>Die Option &apos;%1&apos; ist im Abschnitt [%2] von %3 mehr als einmal gesetzt (erneut in Zeile %4); Pythons ConfigParser (von alembic verwendet) lehnt die Datei ab. Entfernen Sie einen der Einträge.</translation>
    </message>
    <message>
        <location filename="../model/project/iniconfig.cpp" line="320"/>
        <source>No section [%1] in %2.</source>
        <translation>Kein Abschnitt [%1] in %2.</translation>
    </message>
    <message>
        <location filename="../model/project/iniconfig.cpp" line="324"/>
        <source>No option &apos;%1&apos; in section [%2] of %3.</source>
        <translation>Keine Option &apos;%1&apos; im Abschnitt [%2] von %3.</translation>
    </message>
    <message>
        <location filename="../model/project/iniconfig.cpp" line="333"/>
        <source>option &apos;%1&apos; in section [%2] of %3 (line %4)</source>
        <translation>Option &apos;%1&apos; im Abschnitt [%2] von %3 (Zeile %4)</translation>
    </message>
    <message>
        <location filename="../model/project/iniconfig.cpp" line="339"/>
        <source>Recursion limit exceeded in value substitution: %1 cannot be substituted in %2 steps. Raw value: &apos;%3&apos;</source>
        <translation>Rekursionsgrenze bei der Wertersetzung überschritten: %1 kann nicht in %2 Schritten ersetzt werden. Rohwert: &apos;%3&apos;</translation>
    </message>
    <message>
        <location filename="../model/project/iniconfig.cpp" line="360"/>
        <source>Bad interpolation variable reference in %1: &apos;%2&apos;. Use %(name)s, and write a literal percent sign as %%.</source>
        <translation>Ungültiger Verweis auf eine Interpolationsvariable in %1: &apos;%2&apos;. Verwenden Sie %(name)s und schreiben Sie ein wörtliches Prozentzeichen als %%.</translation>
    </message>
    <message>
        <location filename="../model/project/iniconfig.cpp" line="369"/>
        <source>Bad value substitution: %1 refers to &apos;%(%2)s&apos;, but there is no option &apos;%2&apos; in that section or in [DEFAULT]. Raw value: &apos;%3&apos;</source>
        <translation>Ungültige Wertersetzung: %1 verweist auf &apos;%(%2)s&apos;, aber es gibt keine Option &apos;%2&apos; in diesem Abschnitt oder in [DEFAULT]. Rohwert: &apos;%3&apos;</translation>
    </message>
    <message>
        <location filename="../model/project/iniconfig.cpp" line="381"/>
        <source>Bad interpolation syntax in %1: &apos;%&apos; must be followed by &apos;%&apos; or &apos;(&apos;, found: &apos;%2&apos;. Write a literal percent sign as %%.</source>
        <translation>Ungültige Interpolationssyntax in %1: Auf &apos;%&apos; muss &apos;%&apos; oder &apos;(&apos; folgen, gefunden: &apos;%2&apos;. Schreiben Sie ein wörtliches Prozentzeichen als %%.</translation>
    </message>
</context>
<context>
    <name>InterpreterDialog</name>
    <message>
        <location filename="../widgets/interpreterdialog.cpp" line="25"/>
        <location filename="../widgets/interpreterdialog.cpp" line="56"/>
        <source>Python Interpreter</source>
        <translation>Python-Interpreter</translation>
    </message>
    <message>
        <location filename="../widgets/interpreterdialog.cpp" line="28"/>
        <source>Upgrades and downgrades run real alembic in the project&apos;s Python. retort-cli uses the same choice.</source>
        <translation>Upgrades und Downgrades führen echtes alembic im Python des Projekts aus. retort-cli verwendet dieselbe Wahl.</translation>
    </message>
    <message>
        <location filename="../widgets/interpreterdialog.cpp" line="32"/>
        <source>Find it automatically</source>
        <translation>Automatisch finden</translation>
    </message>
    <message>
        <location filename="../widgets/interpreterdialog.cpp" line="33"/>
        <source>Looking…</source>
        <translation>Suche…</translation>
    </message>
    <message>
        <location filename="../widgets/interpreterdialog.cpp" line="37"/>
        <source>Use this interpreter:</source>
        <translation>Diesen Interpreter verwenden:</translation>
    </message>
    <message>
        <location filename="../widgets/interpreterdialog.cpp" line="40"/>
        <source>Interpreter to use</source>
        <translation>Zu verwendender Interpreter</translation>
    </message>
    <message>
        <location filename="../widgets/interpreterdialog.cpp" line="41"/>
        <source>e.g. %1</source>
        <translation>z. B. %1</translation>
    </message>
    <message>
        <location filename="../widgets/interpreterdialog.cpp" line="42"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../widgets/interpreterdialog.cpp" line="50"/>
        <source>Check</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <location filename="../widgets/interpreterdialog.cpp" line="106"/>
        <source>Name an interpreter, or let Retort find one.</source>
        <translation>Geben Sie einen Interpreter an, oder lassen Sie Retort einen finden.</translation>
    </message>
    <message>
        <location filename="../widgets/interpreterdialog.cpp" line="111"/>
        <source>Asking %1 for alembic…</source>
        <translation>Frage %1 nach alembic…</translation>
    </message>
    <message>
        <location filename="../widgets/interpreterdialog.cpp" line="122"/>
        <source>Python %1 with alembic %2 and SQLAlchemy %3.</source>
        <translation>Python %1 mit alembic %2 und SQLAlchemy %3.</translation>
    </message>
</context>
<context>
    <name>LayoutProcess</name>
    <message>
        <location filename="../model/graph/layoutprocess.cpp" line="53"/>
        <source>The layout was cancelled.</source>
        <translation>Das Layout wurde abgebrochen.</translation>
    </message>
    <message>
        <location filename="../model/graph/layoutprocess.cpp" line="84"/>
        <source>The layout helper retort-layout is not installed next to %1; reinstall Retort.</source>
        <translation>Das Layout-Hilfsprogramm retort-layout ist nicht neben %1 installiert; installieren Sie Retort neu.</translation>
    </message>
    <message>
        <location filename="../model/graph/layoutprocess.cpp" line="86"/>
        <source>RETORT_LAYOUT_HELPER names %1, which is not an executable file.</source>
        <translation>RETORT_LAYOUT_HELPER nennt %1, das keine ausführbare Datei ist.</translation>
    </message>
    <message>
        <location filename="../model/graph/layoutprocess.cpp" line="95"/>
        <source>The layout helper %1 could not be started: %2</source>
        <translation>Das Layout-Hilfsprogramm %1 konnte nicht gestartet werden: %2</translation>
    </message>
    <message>
        <location filename="../model/graph/layoutprocess.cpp" line="58"/>
        <source>Graphviz was stopped on request</source>
        <translation>Graphviz wurde auf Wunsch angehalten</translation>
    </message>
    <message numerus="yes">
        <location filename="../model/graph/layoutprocess.cpp" line="113"/>
        <source>Graphviz did not finish within %n seconds</source>
        <translation>
            <numerusform>Graphviz wurde nicht innerhalb von %n Sekunde fertig</numerusform>
            <numerusform>Graphviz wurde nicht innerhalb von %n Sekunden fertig</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../model/graph/layoutprocess.cpp" line="120"/>
        <source>Graphviz needed more than its %1 MB of memory</source>
        <translation>Graphviz benötigte mehr als die ihm zugeteilten %1 MB Speicher</translation>
    </message>
    <message>
        <location filename="../model/graph/layoutprocess.cpp" line="122"/>
        <source>Graphviz crashed</source>
        <translation>Graphviz ist abgestürzt</translation>
    </message>
    <message>
        <location filename="../model/graph/layoutprocess.cpp" line="123"/>
        <source>Graphviz crashed (%1)</source>
        <translation>Graphviz ist abgestürzt (%1)</translation>
    </message>
    <message>
        <location filename="../model/graph/layoutprocess.cpp" line="127"/>
        <source>Graphviz failed (exit code %1)</source>
        <translation>Graphviz ist fehlgeschlagen (Exit-Code %1)</translation>
    </message>
</context>
<context>
    <name>LayoutProtocol</name>
    <message>
        <location filename="../model/graph/layoutprotocol.cpp" line="80"/>
        <source>The layout helper and Retort do not understand each other (a retort-layout from another installation?). Reinstall Retort.</source>
        <translation>Das Layout-Hilfsprogramm und Retort verstehen einander nicht (ein retort-layout aus einer anderen Installation?). Installieren Sie Retort neu.</translation>
    </message>
</context>
<context>
    <name>MainActions</name>
    <message>
        <location filename="../widgets/mainactions.cpp" line="41"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="42"/>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="45"/>
        <source>Open an alembic.ini, a pyproject.toml, or a revision file&apos;s project</source>
        <translation>Eine alembic.ini, eine pyproject.toml oder das Projekt einer Revisionsdatei öffnen</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="46"/>
        <source>Open &amp;Folder…</source>
        <translation>&amp;Ordner öffnen…</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="49"/>
        <source>Open a project folder, a migrations folder (with env.py) or a versions folder</source>
        <translation>Einen Projektordner, einen Migrationsordner (mit env.py) oder einen Versionsordner öffnen</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="50"/>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="52"/>
        <source>Open &amp;Demo</source>
        <translation>&amp;Demo öffnen</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="53"/>
        <source>Open the bundled sample project</source>
        <translation>Das mitgelieferte Beispielprojekt öffnen</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="55"/>
        <source>Re&amp;load</source>
        <translation>Neu &amp;laden</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="58"/>
        <source>&amp;Export Graph…</source>
        <translation>Graph &amp;exportieren…</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="60"/>
        <source>Save the graph as SVG, PNG or Graphviz DOT</source>
        <translation>Den Graphen als SVG, PNG oder Graphviz-DOT speichern</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="62"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="65"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="66"/>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="69"/>
        <source>&amp;Delete Revision…</source>
        <translation>Revision &amp;löschen…</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="72"/>
        <source>&amp;Copy Revision Id</source>
        <translation>Revisions-ID &amp;kopieren</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="74"/>
        <source>Copy File &amp;Path</source>
        <translation>Datei&amp;pfad kopieren</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="77"/>
        <source>&amp;Open in Editor</source>
        <translation>Im &amp;Editor öffnen</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="80"/>
        <source>Open the selected revision&apos;s file in your editor, at its upgrade()</source>
        <translation>Die Datei der gewählten Revision in Ihrem Editor öffnen, bei ihrem upgrade()</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="82"/>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen…</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="83"/>
        <source>Find &amp;Next</source>
        <translation>&amp;Weitersuchen</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="84"/>
        <source>Find &amp;Previous</source>
        <translation>Rückwärts s&amp;uchen</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="86"/>
        <source>External &amp;Editor…</source>
        <translation>Externer E&amp;ditor…</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="88"/>
        <source>Choose the editor that Open in Editor starts</source>
        <translation>Den Editor wählen, den „Im Editor öffnen“ startet</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="90"/>
        <source>&amp;Settings…</source>
        <translation>Einstellun&amp;gen…</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="94"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="95"/>
        <source>&amp;Fit to Window</source>
        <translation>An &amp;Fenster anpassen</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="97"/>
        <source>Zoom to &amp;Selection</source>
        <translation>Auf &amp;Auswahl zoomen</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="98"/>
        <source>Zoom &amp;In</source>
        <translation>&amp;Vergrößern</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="99"/>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="101"/>
        <source>&amp;Actual Size</source>
        <translation>&amp;Originalgröße</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="103"/>
        <source>&amp;Left to Right</source>
        <translation>Von &amp;links nach rechts</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="106"/>
        <source>Draw the history from left to right instead of bottom to top</source>
        <translation>Den Verlauf von links nach rechts statt von unten nach oben zeichnen</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="107"/>
        <source>&amp;Collapse Long Runs</source>
        <translation>Lange Abfolgen &amp;einklappen</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="111"/>
        <source>In histories of over %1 revisions, show runs of plain revisions as one card</source>
        <translation>In Verläufen mit mehr als %1 Revisionen Abfolgen einfacher Revisionen als eine Karte anzeigen</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="113"/>
        <source>List in &amp;History Order</source>
        <translation>In Verlaufs&amp;reihenfolge auflisten</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="114"/>
        <source>Show All &amp;Branches</source>
        <translation>Alle &amp;Zweige anzeigen</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="120"/>
        <source>&amp;Database</source>
        <translation>&amp;Datenbank</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="121"/>
        <source>&amp;Upgrade to the Heads…</source>
        <translation>Bis zu den Heads a&amp;ktualisieren (upgrade)…</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="123"/>
        <source>Upgrade &amp;One Revision…</source>
        <translation>Um &amp;eine Revision aktualisieren (upgrade)…</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="124"/>
        <source>&amp;Downgrade One Revision…</source>
        <translation>Um eine Revision &amp;zurückstufen (downgrade)…</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="125"/>
        <source>Downgrade to &amp;Base…</source>
        <translation>Bis zur &amp;Basis zurückstufen (downgrade)…</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="127"/>
        <source>&amp;Compare Schema…</source>
        <translation>Schema &amp;vergleichen…</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="129"/>
        <source>Compare the active environment&apos;s schema with the one its migrations give</source>
        <translation>Das Schema der aktiven Umgebung mit dem Schema vergleichen, das sich aus ihren Migrationen ergibt</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="130"/>
        <source>Find &amp;Matching Revision…</source>
        <translation>Passende &amp;Revision finden…</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="133"/>
        <source>Find the revision whose schema the active environment&apos;s database has, to stamp it there</source>
        <translation>Die Revision finden, deren Schema die Datenbank der aktiven Umgebung hat, um sie dort zu stempeln</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="135"/>
        <source>&amp;Python Interpreter…</source>
        <translation>&amp;Python-Interpreter…</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="137"/>
        <source>Preview, then run alembic upgrade heads on the active environment</source>
        <translation>Vorschau, dann alembic upgrade heads für die aktive Umgebung ausführen</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="139"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="141"/>
        <source>&amp;User Guide</source>
        <translation>&amp;Benutzerhandbuch</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="142"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="144"/>
        <source>&amp;About Retort</source>
        <translation>Ü&amp;ber Retort</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="147"/>
        <source>Main</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="81"/>
        <source>Retort</source>
        <translation>Retort</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="330"/>
        <source>Search revisions</source>
        <translation>Revisionen durchsuchen</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="430"/>
        <source>Stopped reading.</source>
        <translation>Lesen abgebrochen.</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="431"/>
        <source>Stopped reading; the project shown is as it was read before.</source>
        <translation>Lesen abgebrochen; das angezeigte Projekt ist so, wie es zuvor gelesen wurde.</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="446"/>
        <source>Retort could not open %1:</source>
        <translation>Retort konnte %1 nicht öffnen:</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="447"/>
        <source>Open Another…</source>
        <translation>Anderes öffnen…</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="456"/>
        <source>Cannot Reload Project</source>
        <translation>Projekt kann nicht neu geladen werden</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="459"/>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="580"/>
        <source>Alembic configuration or revision (alembic.ini *.ini pyproject.toml *.py);;All files (*)</source>
        <translation>Alembic-Konfiguration oder Revision (alembic.ini *.ini pyproject.toml *.py);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="588"/>
        <source>Open Alembic Project Folder</source>
        <translation>Alembic-Projektordner öffnen</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="609"/>
        <source>%1 is not part of the history Retort read; the problems list may say why.</source>
        <translation>%1 gehört nicht zu der Historie, die Retort gelesen hat; die Problemliste sagt womöglich, warum.</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="664"/>
        <source>Evaluate with Python</source>
        <translation>Mit Python auswerten</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="665"/>
        <source>Run the revision files whose header values Retort cannot work out in %1?</source>
        <translation>Die Revisionsdateien, deren Kopfwerte Retort nicht ermitteln kann, in %1 ausführen?</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="670"/>
        <source>They are loaded the way alembic loads them, so their module-level code runs, with a time limit and without writing anything. Retort remembers the choice for this project.</source>
        <translation>Sie werden so geladen, wie alembic sie lädt; ihr Code auf Modulebene läuft also, mit Zeitlimit und ohne etwas zu schreiben. Retort merkt sich die Wahl für dieses Projekt.</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="703"/>
        <source>%1 [%2]</source>
        <translation>%1 [%2]</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="707"/>
        <source>No recent projects</source>
        <translation>Keine zuletzt geöffneten Projekte</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="709"/>
        <source>&amp;Clear Menu</source>
        <translation>Liste &amp;leeren</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="298"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="79"/>
        <source>The password is kept for this session only: %1</source>
        <translation>Das Passwort wird nur für diese Sitzung aufbewahrt: %1</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="174"/>
        <source>Select a revision that has a file to delete it.</source>
        <translation>Wählen Sie eine Revision mit Datei aus, um sie zu löschen.</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="321"/>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="331"/>
        <source>Search id, message or label (Ctrl+F)</source>
        <translation>ID, Nachricht oder Label suchen (Strg+F)</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="413"/>
        <source>Reloading…</source>
        <translation>Wird neu geladen…</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="413"/>
        <source>Opening %1…</source>
        <translation>%1 wird geöffnet…</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="443"/>
        <source>Cannot Open Project</source>
        <translation>Projekt kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="187"/>
        <location filename="../widgets/mainwindow.cpp" line="197"/>
        <source>Copied %1.</source>
        <translation>%1 kopiert.</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="192"/>
        <source>Select a revision that has a file to copy its path.</source>
        <translation>Wählen Sie eine Revision mit Datei, um ihren Pfad zu kopieren.</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="210"/>
        <source>Select a revision that has a file to open it in the editor.</source>
        <translation>Wählen Sie eine Revision mit Datei, um sie im Editor zu öffnen.</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="427"/>
        <source>Reading the changed files was cancelled.</source>
        <translation>Das Lesen der geänderten Dateien wurde abgebrochen.</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="457"/>
        <source>The history shown is the one read before. Fix the files, or reload; Retort reloads when they change. The reason:</source>
        <translation>Der angezeigte Verlauf ist der zuvor gelesene. Korrigieren Sie die Dateien oder laden Sie neu; Retort lädt neu, sobald sie sich ändern. Der Grund:</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="512"/>
        <source>Retort — %1</source>
        <translation>Retort — %1</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="513"/>
        <source>Retort — %1 [%2]</source>
        <translation>Retort — %1 [%2]</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="533"/>
        <source>Cannot Open Demo</source>
        <translation>Demo kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="534"/>
        <source>The sample project is not installed next to Retort.</source>
        <translation>Das Beispielprojekt ist nicht neben Retort installiert.</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/mainwindow.cpp" line="561"/>
        <source>%n matches</source>
        <translation>
            <numerusform>%n Treffer</numerusform>
            <numerusform>%n Treffer</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="579"/>
        <source>Open Alembic Project</source>
        <translation>Alembic-Projekt öffnen</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="623"/>
        <source>Exported the graph to %1</source>
        <translation>Graph nach %1 exportiert</translation>
    </message>
</context>
<context>
    <name>MigrateCommands</name>
    <message>
        <location filename="../app/cli/migratecommands.cpp" line="50"/>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <location filename="../app/cli/migratecommands.cpp" line="56"/>
        <source>Upgrade %1: %2 -&gt; %3</source>
        <translation>upgrade %1: %2 -&gt; %3</translation>
    </message>
    <message>
        <location filename="../app/cli/migratecommands.cpp" line="56"/>
        <source>Downgrade %1: %2 -&gt; %3</source>
        <translation>downgrade %1: %2 -&gt; %3</translation>
    </message>
    <message>
        <location filename="../app/cli/migratecommands.cpp" line="62"/>
        <location filename="../app/cli/migratecommands.cpp" line="64"/>
        <source>Warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <location filename="../app/cli/migratecommands.cpp" line="250"/>
        <source>Run it? [y/N] </source>
        <translation>Ausführen? [y/N] </translation>
    </message>
    <message>
        <location filename="../app/cli/migratecommands.cpp" line="104"/>
        <source>Waiting for the lock held by %1…</source>
        <translation>Warten auf die von %1 gehaltene Sperre…</translation>
    </message>
    <message>
        <location filename="../app/cli/migratecommands.cpp" line="106"/>
        <source>Waiting for the lock held by %1: %2 s left</source>
        <translation>Warten auf die von %1 gehaltene Sperre: noch %2 s</translation>
    </message>
    <message>
        <location filename="../app/cli/migratecommands.cpp" line="123"/>
        <source>Cancelling: alembic is interrupted, then stopped.</source>
        <translation>Abbruch: alembic wird unterbrochen und dann beendet.</translation>
    </message>
    <message>
        <location filename="../app/cli/migratecommands.cpp" line="139"/>
        <source>Name one target, e.g. `upgrade heads` or `upgrade +1`.</source>
        <translation>Nennen Sie genau ein Ziel, z. B. `upgrade heads` oder `upgrade +1`.</translation>
    </message>
    <message>
        <location filename="../app/cli/migratecommands.cpp" line="140"/>
        <source>Name one target, e.g. `downgrade -1` or `downgrade base`.</source>
        <translation>Nennen Sie genau ein Ziel, z. B. `downgrade -1` oder `downgrade base`.</translation>
    </message>
    <message>
        <location filename="../app/cli/migratecommands.cpp" line="145"/>
        <source>Running alembic needs the project&apos;s alembic.ini, and this project was opened without one; open it with -c path/to/alembic.ini.</source>
        <translation>Zum Ausführen von alembic wird die alembic.ini des Projekts benötigt, dieses Projekt wurde aber ohne sie geöffnet; öffnen Sie es mit -c path/to/alembic.ini.</translation>
    </message>
    <message>
        <location filename="../app/cli/migratecommands.cpp" line="162"/>
        <source>Targets that work from %1: %2</source>
        <translation>Ziele, die von %1 aus funktionieren: %2</translation>
    </message>
    <message>
        <location filename="../app/cli/migratecommands.cpp" line="192"/>
        <source>Nothing to do.</source>
        <translation>Nichts zu tun.</translation>
    </message>
    <message>
        <location filename="../app/cli/migratecommands.cpp" line="208"/>
        <source>Note: %1 of &apos;%2&apos; is a secret kept in the window&apos;s keychain, which retort-cli does not read; set %1 in the environment to pass it on.</source>
        <translation>Hinweis: %1 von &apos;%2&apos; ist ein Geheimnis im Schlüsselbund des Fensters, den retort-cli nicht liest; setzen Sie %1 in der Umgebung, um es weiterzugeben.</translation>
    </message>
    <message>
        <location filename="../app/cli/migratecommands.cpp" line="216"/>
        <source>This is a Flask-Migrate project (its env.py uses Flask&apos;s current_app), so retort-cli runs flask db %1 inside the Flask app, and FLASK_APP does not say which app that is: export FLASK_APP=module:app (or FLASK_APP=module), or add it to the environment&apos;s variables. Nothing was run.</source>
        <translation>Dies ist ein Flask-Migrate-Projekt (seine env.py verwendet Flasks current_app), daher führt retort-cli flask db %1 in der Flask-App aus, und FLASK_APP sagt nicht, welche App das ist: Exportieren Sie FLASK_APP=modul:app (oder FLASK_APP=modul), oder fügen Sie es zu den Variablen der Umgebung hinzu. Nichts wurde ausgeführt.</translation>
    </message>
    <message>
        <location filename="../app/cli/migratecommands.cpp" line="226"/>
        <source>alembic writes SQL for one starting revision at a time, and the database has %1; give the range yourself with python -m alembic %2 FROM:TO --sql.</source>
        <translation>alembic schreibt SQL jeweils nur für eine Startrevision, die Datenbank hat aber %1; geben Sie den Bereich selbst an mit python -m alembic %2 FROM:TO --sql.</translation>
    </message>
    <message>
        <location filename="../app/cli/migratecommands.cpp" line="236"/>
        <source>If env.py cannot run offline (run_migrations_offline()), alembic cannot show the SQL.</source>
        <translation>Wenn env.py nicht offline laufen kann (run_migrations_offline()), kann alembic das SQL nicht anzeigen.</translation>
    </message>
    <message>
        <location filename="../app/cli/migratecommands.cpp" line="248"/>
        <source>&apos;%1&apos; is protected: add --confirm %1 to change it.</source>
        <translation>&apos;%1&apos; ist geschützt: Geben Sie --confirm %1 an, um sie zu ändern.</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/cli/migratecommands.cpp" line="251"/>
        <source>Not run: the plan has %n warning(s); read them, then add --yes to run it.</source>
        <translation>
            <numerusform>Nicht ausgeführt: Der Plan hat %n Warnung; lesen Sie sie und geben Sie dann --yes an, um ihn auszuführen.</numerusform>
            <numerusform>Nicht ausgeführt: Der Plan hat %n Warnungen; lesen Sie sie und geben Sie dann --yes an, um ihn auszuführen.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/cli/migratecommands.cpp" line="292"/>
        <source>Version rows now: %1</source>
        <translation>Versionszeilen jetzt: %1</translation>
    </message>
    <message>
        <location filename="../app/cli/migratecommands.cpp" line="303"/>
        <source>flask db reported success, but the version rows are %1, not %2 as planned. In a Flask-Migrate project the Flask app decides which database it migrates (its SQLALCHEMY_DATABASE_URI), not Retort: check that the app FLASK_APP names is configured for this database.</source>
        <translation>flask db meldete Erfolg, aber die Versionszeilen sind %1, nicht %2 wie geplant. In einem Flask-Migrate-Projekt entscheidet die Flask-App, welche Datenbank sie migriert (ihre SQLALCHEMY_DATABASE_URI), nicht Retort: Prüfen Sie, ob die von FLASK_APP genannte App für diese Datenbank eingerichtet ist.</translation>
    </message>
    <message>
        <location filename="../app/cli/migratecommands.cpp" line="310"/>
        <source>alembic reported success, but the version rows are %1, not %2 as planned. env.py may ignore the URL Retort gives it (sqlalchemy.url) and have migrated another database: check how it connects.</source>
        <translation>alembic hat Erfolg gemeldet, aber die Versionszeilen sind %1, nicht %2 wie geplant. Möglicherweise ignoriert env.py die URL, die Retort übergibt (sqlalchemy.url), und hat eine andere Datenbank migriert: Prüfen Sie, wie env.py die Verbindung herstellt.</translation>
    </message>
    <message>
        <location filename="../app/cli/migratecommands.cpp" line="316"/>
        <source>Done. Version rows: %1</source>
        <translation>Fertig. Versionszeilen: %1</translation>
    </message>
</context>
<context>
    <name>MigrationDialog</name>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="33"/>
        <source>(no rows)</source>
        <translation>(keine Zeilen)</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="93"/>
        <source>I have read the &amp;warnings</source>
        <translation>Ich habe die &amp;Warnungen gelesen</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="101"/>
        <source>Upgrade %1</source>
        <translation>%1 aktualisieren (upgrade)</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="101"/>
        <source>Downgrade %1</source>
        <translation>%1 zurückstufen (downgrade)</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="106"/>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="113"/>
        <source>Environment name to confirm</source>
        <translation>Name der Umgebung zur Bestätigung</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="114"/>
        <source>Type %1 to confirm</source>
        <translation>Zur Bestätigung %1 eingeben</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="119"/>
        <source>alembic&apos;s output</source>
        <translation>Ausgabe von alembic</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="121"/>
        <source>SQL of the steps</source>
        <translation>SQL der Schritte</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="128"/>
        <source>alembic&apos;s output appears here while it runs.</source>
        <translation>Die Ausgabe von alembic erscheint hier, während es läuft.</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="129"/>
        <source>Show SQL writes the SQL of these steps here, as alembic writes it offline, without touching the database.</source>
        <translation>„SQL zeigen“ schreibt hier das SQL dieser Schritte, wie alembic es offline schreibt, ohne die Datenbank anzurühren.</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="132"/>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="134"/>
        <source>&amp;Log</source>
        <translation>&amp;Protokoll</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="135"/>
        <source>S&amp;QL</source>
        <translation>S&amp;QL</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="138"/>
        <location filename="../widgets/migrationdialog.cpp" line="304"/>
        <source>Show &amp;SQL</source>
        <translation>&amp;SQL zeigen</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="140"/>
        <source>The SQL of these steps, written by alembic offline (--sql): nothing is run on the database.</source>
        <translation>Das SQL dieser Schritte, offline von alembic geschrieben (--sql): Auf der Datenbank wird nichts ausgeführt.</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="142"/>
        <source>&amp;Upgrade</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="142"/>
        <source>&amp;Downgrade</source>
        <translation>&amp;Zurückstufen</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="144"/>
        <source>&amp;Preview Again</source>
        <translation>&amp;Vorschau erneut</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="156"/>
        <source>Another migration holds the lock on this database (%1); waiting %2 s more, or cancel.</source>
        <translation>Eine andere Migration hält die Sperre auf dieser Datenbank (%1); es wird noch %2 s gewartet, sofern Sie nicht abbrechen.</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="174"/>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="175"/>
        <source>P&amp;review</source>
        <translation>&amp;Vorschau</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="179"/>
        <source>Choose a target instead:</source>
        <translation>Stattdessen ein Ziel wählen:</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="196"/>
        <source>&lt;b&gt;%1 is protected.&lt;/b&gt; Type its name to change it.</source>
        <translation>&lt;b&gt;%1 ist geschützt.&lt;/b&gt; Geben Sie den Namen ein, um sie zu ändern.</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="197"/>
        <source>Type the name of %1 to change it.</source>
        <translation>Geben Sie den Namen von %1 ein, um sie zu ändern.</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="229"/>
        <source>Running alembic needs the project&apos;s alembic.ini, and this project was opened without one.</source>
        <translation>Zum Ausführen von alembic wird die alembic.ini des Projekts benötigt, dieses Projekt wurde aber ohne sie geöffnet.</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="246"/>
        <source>&lt;b&gt;Cannot upgrade %1 to %2:&lt;/b&gt; %3</source>
        <translation>&lt;b&gt;%1 kann nicht auf %2 aktualisiert werden:&lt;/b&gt; %3</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="246"/>
        <source>&lt;b&gt;Cannot downgrade %1 to %2:&lt;/b&gt; %3</source>
        <translation>&lt;b&gt;%1 kann nicht auf %2 zurückgestuft werden:&lt;/b&gt; %3</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/migrationdialog.cpp" line="257"/>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2 → &lt;b&gt;%3&lt;/b&gt;, %n step(s) run by alembic, then the rows are checked.</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;: %2 → &lt;b&gt;%3&lt;/b&gt;; alembic führt %n Schritt aus, danach werden die Zeilen geprüft.</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;: %2 → &lt;b&gt;%3&lt;/b&gt;; alembic führt %n Schritte aus, danach werden die Zeilen geprüft.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="265"/>
        <source>Nothing to do: the database is already there.</source>
        <translation>Nichts zu tun: Die Datenbank hat diesen Stand bereits.</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="304"/>
        <source>Writing SQL…</source>
        <translation>SQL wird geschrieben…</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="307"/>
        <source>Cancel Run</source>
        <translation>Ausführung abbrechen</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="307"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="307"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="309"/>
        <source>The environments changed since this preview opened: close it and open it again.</source>
        <translation>Die Umgebungen haben sich seit dem Öffnen dieser Vorschau geändert: Schließen Sie sie und öffnen Sie sie erneut.</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="347"/>
        <location filename="../widgets/migrationdialog.cpp" line="372"/>
        <source>Not run: %1</source>
        <translation>Nicht ausgeführt: %1</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="334"/>
        <source># %1 is a secret the keychain has no value for: not passed on.</source>
        <translation># %1 ist ein Geheimnis, für das der Schlüsselbund keinen Wert hat: nicht weitergegeben.</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="328"/>
        <source>no password was given.</source>
        <translation>Es wurde kein Passwort angegeben.</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="353"/>
        <source>Checking that the project&apos;s Python can run alembic…</source>
        <translation>Prüfe, ob das Python des Projekts alembic ausführen kann…</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="376"/>
        <location filename="../widgets/migrationdialog.cpp" line="433"/>
        <source># alembic %1, SQLAlchemy %2, Python %3 (%4)</source>
        <translation># alembic %1, SQLAlchemy %2, Python %3 (%4)</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="379"/>
        <source>alembic is running…</source>
        <translation>alembic läuft…</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="401"/>
        <source>alembic writes SQL for one starting revision at a time, and the database has %1; give the range yourself with python -m alembic %2 FROM:TO --sql.</source>
        <translation>alembic schreibt SQL jeweils nur für eine Startrevision, die Datenbank hat aber %1; geben Sie den Bereich selbst an mit python -m alembic %2 FROM:TO --sql.</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="411"/>
        <location filename="../widgets/migrationdialog.cpp" line="429"/>
        <source>The SQL was not written: %1</source>
        <translation>Das SQL wurde nicht geschrieben: %1</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="415"/>
        <source>alembic is writing the SQL offline…</source>
        <translation>alembic schreibt das SQL offline…</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="460"/>
        <source>alembic could not write the SQL offline: %1. If env.py cannot run offline (run_migrations_offline()), alembic cannot show the SQL.</source>
        <translation>alembic konnte das SQL nicht offline schreiben: %1. Wenn env.py nicht offline laufen kann (run_migrations_offline()), kann alembic das SQL nicht zeigen.</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/migrationdialog.cpp" line="466"/>
        <source>The SQL of the %n step(s), as alembic writes it offline: nothing was run on the database.</source>
        <translation>
            <numerusform>Das SQL des %n Schritts, wie alembic es offline schreibt: Auf der Datenbank wurde nichts ausgeführt.</numerusform>
            <numerusform>Das SQL der %n Schritte, wie alembic es offline schreibt: Auf der Datenbank wurde nichts ausgeführt.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="485"/>
        <source>%1 The environment is no longer in the list, so its rows were not read again.</source>
        <translation>%1 Die Umgebung ist nicht mehr in der Liste, daher wurden ihre Zeilen nicht erneut gelesen.</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="490"/>
        <source>Reading the version rows again…</source>
        <translation>Die Versionszeilen werden erneut gelesen…</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="507"/>
        <source>%1 The version rows could not be read again: %2</source>
        <translation>%1 Die Versionszeilen konnten nicht erneut gelesen werden: %2</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="518"/>
        <source>%1 Version rows now: %2.</source>
        <translation>%1 Versionszeilen jetzt: %2.</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="520"/>
        <source>alembic reported success, but the version rows are %1, not %2 as planned. env.py may ignore the URL Retort gives it (sqlalchemy.url) and have migrated another database: check how it connects.</source>
        <translation>alembic hat Erfolg gemeldet, aber die Versionszeilen sind %1, nicht %2 wie geplant. Möglicherweise ignoriert env.py die URL, die Retort übergibt (sqlalchemy.url), und hat eine andere Datenbank migriert: Prüfen Sie, wie env.py die Verbindung herstellt.</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/migrationdialog.cpp" line="527"/>
        <source>Done: %n step(s) ran. Version rows: %1.</source>
        <translation>
            <numerusform>Fertig: %n Schritt ausgeführt. Versionszeilen: %1.</numerusform>
            <numerusform>Fertig: %n Schritte ausgeführt. Versionszeilen: %1.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="543"/>
        <source>Nothing ran: the version rows of %1 changed since this preview was made (%2 then, %3 now); someone else migrated or stamped it. Look at the new state, then preview again.</source>
        <translation>Nichts wurde ausgeführt: Die Versionszeilen von %1 haben sich seit dieser Vorschau geändert (damals %2, jetzt %3); jemand anderes hat migriert oder gestempelt. Sehen Sie sich den neuen Stand an und erstellen Sie die Vorschau erneut.</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="564"/>
        <source>Cancelled before alembic started: nothing ran.</source>
        <translation>Abgebrochen, bevor alembic startete: Nichts wurde ausgeführt.</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="568"/>
        <source>Cancelling: alembic is interrupted, then stopped…</source>
        <translation>Abbruch: alembic wird unterbrochen und dann beendet…</translation>
    </message>
</context>
<context>
    <name>MigrationPlanner</name>
    <message>
        <location filename="../model/history/migrationplanner.cpp" line="29"/>
        <source>The revision history has errors (files Retort could not read, cycles, missing or duplicate revisions), so Retort does not plan on it: alembic would fail or misread it. Run `retort-cli check` and fix them first.</source>
        <translation>Der Revisionsverlauf enthält Fehler (Dateien, die Retort nicht lesen konnte, Zyklen, fehlende oder doppelte Revisionen), daher erstellt Retort keinen Plan dafür: alembic würde scheitern oder ihn falsch lesen. Führen Sie `retort-cli check` aus und beheben Sie zuerst die Fehler.</translation>
    </message>
    <message>
        <location filename="../model/history/migrationplanner.cpp" line="82"/>
        <source>Revision %1 has no %2() function, so alembic cannot run this %2 through it (it stops with AttributeError). Stamp past it instead, or add the function.</source>
        <translation>Revision %1 hat keine Funktion %2(), daher kann alembic dieses %2 nicht durch sie ausführen (es bricht mit AttributeError ab). Stempeln Sie stattdessen darüber hinweg, oder fügen Sie die Funktion hinzu.</translation>
    </message>
    <message>
        <location filename="../model/history/migrationplanner.cpp" line="100"/>
        <source>Step &quot;%1&quot; cannot be applied: %2</source>
        <translation>Schritt „%1“ kann nicht angewendet werden: %2</translation>
    </message>
    <message>
        <location filename="../model/history/migrationplanner.cpp" line="140"/>
        <source>downgrade -1 from multiple heads is ambiguous; this usage will be disallowed in a future release.</source>
        <translation>downgrade -1 von mehreren Heads aus ist mehrdeutig; diese Verwendung wird in einer zukünftigen Version nicht mehr erlaubt sein.</translation>
    </message>
    <message>
        <location filename="../model/history/migrationplanner.cpp" line="212"/>
        <source>The version table has rows both above and below %1 (%2), so alembic cannot stamp it. Stamp with purge to replace all rows.</source>
        <translation>Die Versionstabelle hat Zeilen sowohl oberhalb als auch unterhalb von %1 (%2), daher ist stamp für alembic hier nicht möglich. Verwenden Sie stamp mit purge, um alle Zeilen zu ersetzen.</translation>
    </message>
</context>
<context>
    <name>ModelComparison</name>
    <message>
        <location filename="../model/schema/modelcomparison.cpp" line="226"/>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <location filename="../model/schema/modelcomparison.cpp" line="232"/>
        <source>env.py</source>
        <translation>env.py</translation>
    </message>
    <message>
        <location filename="../model/schema/modelcomparison.cpp" line="235"/>
        <source>Target database is not up to date: it is at %1 and the migrations&apos; heads are %2. The models can only be compared with a database at the heads (as alembic check and revision --autogenerate do): upgrade it first, or compare it with the migrations at its stamped revisions instead.</source>
        <translation>Die Zieldatenbank ist nicht auf dem neuesten Stand: Sie steht bei %1, und die Heads der Migrationen sind %2. Die Modelle lassen sich nur mit einer Datenbank auf dem Stand der Heads vergleichen (wie bei alembic check und revision --autogenerate): Aktualisieren Sie sie zuerst (upgrade), oder vergleichen Sie sie stattdessen mit den Migrationen bei ihren gestempelten Revisionen.</translation>
    </message>
    <message>
        <location filename="../model/schema/modelcomparison.cpp" line="242"/>
        <source>%1 sets target_metadata to None, so there are no models to compare with: set it to the models&apos; MetaData (e.g. `from myapp.models import Base` and `target_metadata = Base.metadata`), as alembic revision --autogenerate needs too.</source>
        <translation>%1 setzt target_metadata auf None, daher gibt es keine Modelle zum Vergleichen: Setzen Sie es auf die MetaData der Modelle (z. B. `from myapp.models import Base` und `target_metadata = Base.metadata`), wie es auch alembic revision --autogenerate benötigt.</translation>
    </message>
    <message>
        <location filename="../model/schema/modelcomparison.cpp" line="250"/>
        <source>env.py could not import what it needs: %1 (at %2). Install the package for %3, or choose the project&apos;s own interpreter (e.g. its virtual environment).</source>
        <translation>env.py konnte nicht importieren, was es benötigt: %1 (bei %2). Installieren Sie das Paket für %3, oder wählen Sie den eigenen Interpreter des Projekts (z. B. seine virtuelle Umgebung).</translation>
    </message>
    <message>
        <location filename="../model/schema/modelcomparison.cpp" line="254"/>
        <source>env.py failed before the models could be compared: %1 (at %2). Fix it, then try again.</source>
        <translation>env.py ist fehlgeschlagen, bevor die Modelle verglichen werden konnten: %1 (bei %2). Beheben Sie den Fehler und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location filename="../model/schema/modelcomparison.cpp" line="260"/>
        <source>alembic could not read the project (%1): %2</source>
        <translation>alembic konnte das Projekt nicht lesen (%1): %2</translation>
    </message>
    <message>
        <location filename="../model/schema/modelcomparison.cpp" line="266"/>
        <source>Comparing with the models failed: %1</source>
        <translation>Der Vergleich mit den Modellen ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../model/schema/modelcomparison.cpp" line="335"/>
        <source>%1 gave no comparison (exit code %2).</source>
        <translation>%1 hat keinen Vergleich geliefert (Exit-Code %2).</translation>
    </message>
    <message>
        <location filename="../model/schema/modelcomparison.cpp" line="336"/>
        <source>Comparing with the models failed in %1: %2</source>
        <translation>Der Vergleich mit den Modellen ist in %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <location filename="../model/schema/modelcomparison.cpp" line="373"/>
        <source>%1 cannot be started (%2).</source>
        <translation>%1 kann nicht gestartet werden (%2).</translation>
    </message>
    <message numerus="yes">
        <location filename="../model/schema/modelcomparison.cpp" line="381"/>
        <source>Comparing with the models took longer than %n second(s) and was stopped; env.py or the database may be waiting for something (a lock, a network connection).</source>
        <translation>
            <numerusform>Der Vergleich mit den Modellen dauerte länger als %n Sekunde und wurde abgebrochen; env.py oder die Datenbank wartet möglicherweise auf etwas (eine Sperre, eine Netzwerkverbindung).</numerusform>
            <numerusform>Der Vergleich mit den Modellen dauerte länger als %n Sekunden und wurde abgebrochen; env.py oder die Datenbank wartet möglicherweise auf etwas (eine Sperre, eine Netzwerkverbindung).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../model/schema/modelcomparison.cpp" line="391"/>
        <source>%1 crashed while comparing with the models.</source>
        <translation>%1 ist beim Vergleich mit den Modellen abgestürzt.</translation>
    </message>
</context>
<context>
    <name>NoticeBanner</name>
    <message>
        <location filename="../widgets/noticebanner.cpp" line="70"/>
        <location filename="../widgets/noticebanner.cpp" line="91"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../widgets/noticebanner.cpp" line="79"/>
        <location filename="../widgets/noticebanner.cpp" line="80"/>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>PasswordVault</name>
    <message>
        <location filename="../widgets/passwordvault.cpp" line="88"/>
        <source>Password for %1</source>
        <translation>Passwort für %1</translation>
    </message>
    <message>
        <location filename="../widgets/passwordvault.cpp" line="89"/>
        <source>Password for %1 (kept in the system keychain when there is one, never in Retort&apos;s files):</source>
        <translation>Passwort für %1 (wird im Schlüsselbund des Systems aufbewahrt, sofern vorhanden, nie in den Dateien von Retort):</translation>
    </message>
    <message>
        <location filename="../widgets/passwordvault.cpp" line="92"/>
        <source>Password for %1 (kept until Retort quits, never saved):</source>
        <translation>Passwort für %1 (wird bis zum Beenden von Retort aufbewahrt, nie gespeichert):</translation>
    </message>
</context>
<context>
    <name>PlanPreview</name>
    <message numerus="yes">
        <location filename="../model/history/planpreview.cpp" line="34"/>
        <source>the database will claim %n revision(s) whose upgrade() never ran here: %1</source>
        <translation>
            <numerusform>die Datenbank wird %n Revision als angewendet ausweisen, deren upgrade() hier nie gelaufen ist: %1</numerusform>
            <numerusform>die Datenbank wird %n Revisionen als angewendet ausweisen, deren upgrade() hier nie gelaufen ist: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../model/history/planpreview.cpp" line="37"/>
        <source>%n revision(s) will count as not applied although their upgrade() ran: %1</source>
        <translation>
            <numerusform>%n Revision wird als nicht angewendet gelten, obwohl ihr upgrade() gelaufen ist: %1</numerusform>
            <numerusform>%n Revisionen werden als nicht angewendet gelten, obwohl ihr upgrade() gelaufen ist: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../model/history/planpreview.cpp" line="40"/>
        <source>%n row(s) naming no revision of this project will be removed: %1</source>
        <translation>
            <numerusform>%n Zeile, die keine Revision dieses Projekts bezeichnet, wird entfernt: %1</numerusform>
            <numerusform>%n Zeilen, die keine Revision dieses Projekts bezeichnen, werden entfernt: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../model/history/planpreview.cpp" line="42"/>
        <source>%n step(s) drop schema objects or delete data: %1</source>
        <translation>
            <numerusform>%n Schritt entfernt Schemaobjekte oder löscht Daten: %1</numerusform>
            <numerusform>%n Schritte entfernen Schemaobjekte oder löschen Daten: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../model/history/planpreview.cpp" line="44"/>
        <source>%n step(s) add a NOT NULL column without a server default: %1</source>
        <translation>
            <numerusform>%n Schritt fügt eine NOT NULL-Spalte ohne Server-Standardwert hinzu: %1</numerusform>
            <numerusform>%n Schritte fügen eine NOT NULL-Spalte ohne Server-Standardwert hinzu: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../model/history/planpreview.cpp" line="46"/>
        <source>the downgrade() of %n revision(s) does nothing, so the version rows move while the schema stays: %1</source>
        <translation>
            <numerusform>das downgrade() von %n Revision tut nichts, daher ändern sich die Versionszeilen, während das Schema bleibt: %1</numerusform>
            <numerusform>das downgrade() von %n Revisionen tut nichts, daher ändern sich die Versionszeilen, während das Schema bleibt: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../model/history/planpreview.cpp" line="51"/>
        <source>the downgrade() of %n revision(s) raises, so the run fails there: %1</source>
        <translation>
            <numerusform>das downgrade() von %n Revision löst eine Ausnahme aus, daher scheitert die Ausführung dort: %1</numerusform>
            <numerusform>das downgrade() von %n Revisionen löst eine Ausnahme aus, daher scheitert die Ausführung dort: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../model/history/planpreview.cpp" line="53"/>
        <source>%n revision(s) of other branches are reverted too, because they depend on revisions this downgrade reverts: %1</source>
        <translation>
            <numerusform>%n Revision anderer Branches wird ebenfalls zurückgenommen, weil sie von Revisionen abhängt, die dieses Downgrade zurücknimmt: %1</numerusform>
            <numerusform>%n Revisionen anderer Branches werden ebenfalls zurückgenommen, weil sie von Revisionen abhängen, die dieses Downgrade zurücknimmt: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../model/history/planpreview.cpp" line="58"/>
        <source>%n revision(s) of other branches are applied too, because revisions of this upgrade depend on them: %1</source>
        <translation>
            <numerusform>%n Revision anderer Zweige wird ebenfalls angewendet, weil Revisionen dieses Upgrades von ihr abhängen: %1</numerusform>
            <numerusform>%n Revisionen anderer Zweige werden ebenfalls angewendet, weil Revisionen dieses Upgrades von ihnen abhängen: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../model/history/planpreview.cpp" line="65"/>
        <source>%n revision(s) to apply cannot be downgraded later (downgrade() missing, empty or raising): %1</source>
        <translation>
            <numerusform>%n anzuwendende Revision kann später nicht zurückgestuft werden (downgrade() fehlt, ist leer oder löst eine Ausnahme aus): %1</numerusform>
            <numerusform>%n anzuwendende Revisionen können später nicht zurückgestuft werden (downgrade() fehlt, ist leer oder löst eine Ausnahme aus): %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../model/history/planpreview.cpp" line="74"/>
        <source>Stamp only if their changes are really in the schema.</source>
        <translation>Setzen Sie die Version nur, wenn ihre Änderungen wirklich im Schema enthalten sind.</translation>
    </message>
    <message>
        <location filename="../model/history/planpreview.cpp" line="76"/>
        <source>The next upgrade would run them again.</source>
        <translation>Das nächste upgrade würde sie erneut ausführen.</translation>
    </message>
    <message>
        <location filename="../model/history/planpreview.cpp" line="78"/>
        <source>Back up the data first, or check that it is no longer needed.</source>
        <translation>Sichern Sie zuerst die Daten oder prüfen Sie, ob sie nicht mehr benötigt werden.</translation>
    </message>
    <message>
        <location filename="../model/history/planpreview.cpp" line="80"/>
        <source>On a table that holds rows this fails; add the column nullable, fill it, then make it NOT NULL.</source>
        <translation>Bei einer Tabelle, die Zeilen enthält, schlägt das fehl; fügen Sie die Spalte als nullable hinzu, füllen Sie sie und machen Sie sie dann NOT NULL.</translation>
    </message>
    <message>
        <location filename="../model/history/planpreview.cpp" line="83"/>
        <source>Undo the schema changes by hand, or stamp instead if that is what you mean.</source>
        <translation>Machen Sie die Schemaänderungen von Hand rückgängig oder setzen Sie stattdessen die Version per stamp, falls Sie das meinen.</translation>
    </message>
    <message>
        <location filename="../model/history/planpreview.cpp" line="85"/>
        <source>Downgrade to a later revision, or restore a backup.</source>
        <translation>Stufen Sie nur auf eine spätere Revision zurück oder stellen Sie eine Sicherung wieder her.</translation>
    </message>
    <message>
        <location filename="../model/history/planpreview.cpp" line="87"/>
        <source>Their branches lose those changes too; downgrade to a later revision if that is not what you want.</source>
        <translation>Ihre Branches verlieren diese Änderungen ebenfalls; führen Sie ein Downgrade auf eine spätere Revision aus, wenn Sie das nicht wollen.</translation>
    </message>
    <message>
        <location filename="../model/history/planpreview.cpp" line="90"/>
        <source>They are part of the schema of the branches they belong to; upgrade those first if that is not what you want.</source>
        <translation>Sie gehören zum Schema ihrer eigenen Zweige; aktualisieren Sie diese zuerst, wenn Sie das nicht wollen.</translation>
    </message>
    <message>
        <location filename="../model/history/planpreview.cpp" line="162"/>
        <location filename="../model/history/planpreview.cpp" line="186"/>
        <source>%1 line %2: %3</source>
        <translation>%1, Zeile %2: %3</translation>
    </message>
    <message>
        <location filename="../model/history/planpreview.cpp" line="233"/>
        <source>%1 depends on %2: %3 applied too</source>
        <translation>%1 hängt von %2 ab: %3 wird ebenfalls angewendet</translation>
    </message>
    <message>
        <location filename="../model/history/planpreview.cpp" line="266"/>
        <source>%1 depends on %2, which is reverted</source>
        <translation>%1 hängt von %2 ab, das zurückgenommen wird</translation>
    </message>
</context>
<context>
    <name>ProblemsPanel</name>
    <message>
        <location filename="../widgets/problemspanel.cpp" line="49"/>
        <source>Evaluate with Python…</source>
        <translation>Mit Python auswerten…</translation>
    </message>
    <message>
        <location filename="../widgets/problemspanel.cpp" line="52"/>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <location filename="../widgets/problemspanel.cpp" line="65"/>
        <source>Load the revision files whose header values Retort cannot work out in the project&apos;s Python interpreter, the way alembic loads them</source>
        <translation>Die Revisionsdateien, deren Kopfwerte Retort nicht ermitteln kann, im Python-Interpreter des Projekts so laden, wie alembic sie lädt</translation>
    </message>
    <message>
        <location filename="../widgets/problemspanel.cpp" line="85"/>
        <source>%1:%2</source>
        <translation>%1:%2</translation>
    </message>
    <message>
        <location filename="../widgets/problemspanel.cpp" line="87"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../widgets/problemspanel.cpp" line="90"/>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <location filename="../widgets/problemspanel.cpp" line="103"/>
        <source>No problems found.</source>
        <translation>Keine Probleme gefunden.</translation>
    </message>
    <message>
        <location filename="../widgets/problemspanel.cpp" line="127"/>
        <source>&amp;Show</source>
        <translation>&amp;Zeigen</translation>
    </message>
    <message>
        <location filename="../widgets/problemspanel.cpp" line="131"/>
        <source>Open in &amp;Editor</source>
        <translation>Im &amp;Editor öffnen</translation>
    </message>
    <message>
        <location filename="../widgets/problemspanel.cpp" line="136"/>
        <source>%1, line %2</source>
        <translation>%1, Zeile %2</translation>
    </message>
</context>
<context>
    <name>Project</name>
    <message>
        <location filename="../model/project/project.cpp" line="71"/>
        <source>The project loaded with errors, so nothing is written to the database: %1%2 Fix them first (retort-cli check lists them all).</source>
        <translation>Das Projekt wurde mit Fehlern geladen, daher wird nichts in die Datenbank geschrieben: %1%2 Beheben Sie sie zuerst (retort-cli check listet alle auf).</translation>
    </message>
    <message>
        <location filename="../model/project/project.cpp" line="79"/>
        <source>The project has no revisions, yet the database names %1. Check that Retort opened the right project and can read its versions folders; nothing is written.</source>
        <translation>Das Projekt hat keine Revisionen, die Datenbank nennt aber %1. Prüfen Sie, ob Retort das richtige Projekt geöffnet hat und seine Versionsordner lesen kann; es wird nichts geschrieben.</translation>
    </message>
</context>
<context>
    <name>ProjectConfig</name>
    <message>
        <location filename="../model/project/projectconfig.cpp" line="44"/>
        <source>No config file &apos;%1&apos; found, or file has no &apos;[%2]&apos; section</source>
        <translation>Keine Konfigurationsdatei &apos;%1&apos; gefunden, oder die Datei hat keinen Abschnitt &apos;[%2]&apos;</translation>
    </message>
    <message>
        <location filename="../model/project/projectconfig.cpp" line="55"/>
        <source>%1 &apos;%2&apos; names a package resource (package:folder), and Retort found no package %3 in the project&apos;s source tree (searched %4). Add the folder that holds the package to prepend_sys_path, or use a path such as %(here)s/migrations.</source>
        <translation>%1 &apos;%2&apos; bezeichnet eine Paketressource (package:folder), und Retort hat im Quellbaum des Projekts kein Paket %3 gefunden (durchsucht: %4). Fügen Sie den Ordner, der das Paket enthält, zu prepend_sys_path hinzu, oder verwenden Sie einen Pfad wie %(here)s/migrations.</translation>
    </message>
    <message>
        <location filename="../model/project/projectconfig.cpp" line="96"/>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location filename="../model/project/projectconfig.cpp" line="106"/>
        <source>%1 line %2 is not valid TOML: %3</source>
        <translation>%1, Zeile %2 ist kein gültiges TOML: %3</translation>
    </message>
    <message>
        <location filename="../model/project/projectconfig.cpp" line="116"/>
        <source>Incorrect TOML format: [tool.alembic] in %1 is not a table.</source>
        <translation>Falsches TOML-Format: [tool.alembic] in %1 ist keine Tabelle.</translation>
    </message>
    <message>
        <location filename="../model/project/projectconfig.cpp" line="143"/>
        <source>Cannot format TOML parameter &apos;%1&apos; in %2: &apos;%(%3)s&apos; is unknown; only %(here)s is available. Write a literal percent sign as %%.</source>
        <translation>TOML-Parameter &apos;%1&apos; in %2 kann nicht formatiert werden: &apos;%(%3)s&apos; ist unbekannt; nur %(here)s ist verfügbar. Schreiben Sie ein wörtliches Prozentzeichen als %%.</translation>
    </message>
    <message>
        <location filename="../model/project/projectconfig.cpp" line="151"/>
        <source>Cannot format TOML parameter &apos;%1&apos; in %2: unsupported format at &apos;%3&apos;. Use %(here)s, and write a literal percent sign as %%.</source>
        <translation>TOML-Parameter &apos;%1&apos; in %2 kann nicht formatiert werden: nicht unterstütztes Format bei &apos;%3&apos;. Verwenden Sie %(here)s und schreiben Sie ein wörtliches Prozentzeichen als %%.</translation>
    </message>
    <message>
        <location filename="../model/project/projectconfig.cpp" line="230"/>
        <location filename="../model/project/projectconfig.cpp" line="389"/>
        <source>TOML parameter &apos;%1&apos; in %2 must be a list of strings.</source>
        <translation>TOML-Parameter &apos;%1&apos; in %2 muss eine Liste von Zeichenketten sein.</translation>
    </message>
    <message>
        <location filename="../model/project/projectconfig.cpp" line="245"/>
        <source>unsupported TOML value type for key: &apos;%1&apos;</source>
        <translation>nicht unterstützter TOML-Werttyp für Schlüssel: &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../model/project/projectconfig.cpp" line="285"/>
        <location filename="../model/project/projectconfig.cpp" line="456"/>
        <source>TOML parameter &apos;%1&apos; in %2 must be a string.</source>
        <translation>TOML-Parameter &apos;%1&apos; in %2 muss eine Zeichenkette sein.</translation>
    </message>
    <message>
        <location filename="../model/project/projectconfig.cpp" line="304"/>
        <source>boolean value expected for TOML parameter &apos;%1&apos;</source>
        <translation>Boolescher Wert für TOML-Parameter &apos;%1&apos; erwartet</translation>
    </message>
    <message>
        <location filename="../model/project/projectconfig.cpp" line="330"/>
        <source>&apos;%1&apos; is not a valid value for path_separator; expected &apos;space&apos;, &apos;newline&apos;, &apos;os&apos;, &apos;:&apos;, &apos;;&apos;</source>
        <translation>&apos;%1&apos; ist kein gültiger Wert für path_separator; erwartet: &apos;space&apos;, &apos;newline&apos;, &apos;os&apos;, &apos;:&apos;, &apos;;&apos;</translation>
    </message>
    <message>
        <location filename="../model/project/projectconfig.cpp" line="332"/>
        <source>&apos;%1&apos; is not a valid value for version_path_separator; expected &apos;space&apos;, &apos;os&apos;, &apos;:&apos;, &apos;;&apos;</source>
        <translation>&apos;%1&apos; ist kein gültiger Wert für version_path_separator; erwartet: &apos;space&apos;, &apos;os&apos;, &apos;:&apos;, &apos;;&apos;</translation>
    </message>
    <message>
        <location filename="../model/project/projectconfig.cpp" line="335"/>
        <source>(alembic.ini does not strip inline comments: put the comment on its own line, as alembic 1.8.1&apos;s own template forgot to.)</source>
        <translation>(alembic.ini entfernt keine Kommentare am Zeilenende: Setzen Sie den Kommentar in eine eigene Zeile – was die Vorlage von alembic 1.8.1 selbst versäumt hat.)</translation>
    </message>
    <message>
        <location filename="../model/project/projectconfig.cpp" line="441"/>
        <source>%1 has no script_location, so its own folder (which holds env.py or versions/) is the script location, as Flask-Migrate sets it.</source>
        <translation>%1 hat keine script_location, daher ist sein eigener Ordner (der env.py oder versions/ enthält) das Skriptverzeichnis, wie Flask-Migrate es einrichtet.</translation>
    </message>
    <message>
        <location filename="../model/project/projectconfig.cpp" line="446"/>
        <source>Retort read [%1] of %2. </source>
        <translation>Retort hat [%1] aus %2 gelesen. </translation>
    </message>
    <message>
        <location filename="../model/project/projectconfig.cpp" line="448"/>
        <source>No &apos;script_location&apos; key found in configuration.</source>
        <translation>Kein Schlüssel &apos;script_location&apos; in der Konfiguration gefunden.</translation>
    </message>
    <message>
        <location filename="../model/project/projectconfig.cpp" line="449"/>
        <source>Add script_location = %(here)s/migrations (the folder that holds env.py), or open that folder itself.</source>
        <translation>Fügen Sie script_location = %(here)s/migrations hinzu (der Ordner, der env.py enthält), oder öffnen Sie diesen Ordner selbst.</translation>
    </message>
    <message>
        <location filename="../model/project/projectconfig.cpp" line="467"/>
        <source>script_location %1 is the folder %2.</source>
        <translation>script_location %1 ist der Ordner %2.</translation>
    </message>
    <message>
        <location filename="../model/project/projectconfig.cpp" line="479"/>
        <source>invalid literal for int() with base 10: &apos;%1&apos; (truncate_slug_length in %2)</source>
        <translation>ungültiges Literal für int() mit Basis 10: &apos;%1&apos; (truncate_slug_length in %2)</translation>
    </message>
    <message>
        <location filename="../model/project/projectconfig.cpp" line="485"/>
        <source>TOML parameter &apos;%1&apos; in %2 must be an integer.</source>
        <translation>TOML-Parameter &apos;%1&apos; in %2 muss eine Ganzzahl sein.</translation>
    </message>
    <message>
        <location filename="../model/project/projectconfig.cpp" line="554"/>
        <source>revision_environment = &apos;%1&apos; in %2 is not a boolean (true/false, yes/no, on/off, y/n, t/f, 1/0); `alembic revision` will fail.</source>
        <translation>revision_environment = &apos;%1&apos; in %2 ist kein boolescher Wert (true/false, yes/no, on/off, y/n, t/f, 1/0); `alembic revision` wird fehlschlagen.</translation>
    </message>
    <message>
        <location filename="../model/project/projectconfig.cpp" line="638"/>
        <source>%1 does not exist; only %2 is read.</source>
        <translation>%1 existiert nicht; nur %2 wird gelesen.</translation>
    </message>
    <message>
        <location filename="../model/project/projectconfig.cpp" line="713"/>
        <source>The config&apos;s sqlalchemy.url cannot be read: %1</source>
        <translation>sqlalchemy.url der Konfiguration kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location filename="../model/project/projectconfig.cpp" line="721"/>
        <source>%1 [%2]</source>
        <translation>%1 [%2]</translation>
    </message>
    <message>
        <location filename="../model/project/projectconfig.cpp" line="723"/>
        <source>%1 [tool.alembic]</source>
        <translation>%1 [tool.alembic]</translation>
    </message>
    <message>
        <location filename="../model/project/projectconfig.cpp" line="725"/>
        <source>script location %1</source>
        <translation>Skriptverzeichnis %1</translation>
    </message>
    <message>
        <location filename="../model/project/projectconfig.cpp" line="729"/>
        <source>versions %1</source>
        <translation>Versionen %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../model/project/projectconfig.cpp" line="732"/>
        <source>%1 of %n version folder(s) present</source>
        <translation>
            <numerusform>%1 von %n Versionsordner vorhanden</numerusform>
            <numerusform>%1 von %n Versionsordnern vorhanden</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../model/project/projectconfig.cpp" line="759"/>
        <source>&apos;%1&apos; does not exist.</source>
        <translation>&apos;%1&apos; existiert nicht.</translation>
    </message>
    <message>
        <location filename="../model/project/projectconfig.cpp" line="766"/>
        <source>&apos;%1&apos; is neither a file nor a directory.</source>
        <translation>&apos;%1&apos; ist weder eine Datei noch ein Verzeichnis.</translation>
    </message>
    <message>
        <location filename="../model/project/projectconfig.cpp" line="786"/>
        <source>%1 has no alembic.ini or pyproject.toml, so its %2/ folder is the script location.</source>
        <translation>%1 hat weder alembic.ini noch pyproject.toml, daher ist sein Ordner %2/ das Skriptverzeichnis.</translation>
    </message>
    <message>
        <location filename="../model/project/projectconfig.cpp" line="792"/>
        <source>&apos;%1&apos; is not an alembic project: it holds no alembic.ini, no pyproject.toml with a [tool.alembic] table, no env.py or versions/ folder (a script location), no *.py revision files (a versions folder) and no migrations/ or alembic/ folder. Open the project&apos;s alembic.ini, or the folder that holds env.py.</source>
        <translation>&apos;%1&apos; ist kein Alembic-Projekt: Es enthält keine alembic.ini, keine pyproject.toml mit einer Tabelle [tool.alembic], weder env.py noch einen Ordner versions/ (ein Skriptverzeichnis), keine *.py-Revisionsdateien (ein Versionsordner) und keinen Ordner migrations/ oder alembic/. Öffnen Sie die alembic.ini des Projekts oder den Ordner, der env.py enthält.</translation>
    </message>
    <message>
        <location filename="../model/project/projectconfig.cpp" line="894"/>
        <source>&apos;%1&apos; is not a file.</source>
        <translation>„%1“ ist keine Datei.</translation>
    </message>
</context>
<context>
    <name>ProjectStatusBar</name>
    <message>
        <location filename="../widgets/projectstatusbar.cpp" line="40"/>
        <source>Reading the project</source>
        <translation>Projekt wird gelesen</translation>
    </message>
    <message>
        <location filename="../widgets/projectstatusbar.cpp" line="42"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../widgets/projectstatusbar.cpp" line="43"/>
        <source>Stop reading; the project shown, if any, stays</source>
        <translation>Lesen abbrechen; ein angezeigtes Projekt bleibt</translation>
    </message>
    <message>
        <location filename="../widgets/projectstatusbar.cpp" line="73"/>
        <source>No project open. Use File ▸ Open… or File ▸ Open Demo.</source>
        <translation>Kein Projekt geöffnet. Verwenden Sie Datei ▸ Öffnen… oder Datei ▸ Demo öffnen.</translation>
    </message>
    <message>
        <location filename="../widgets/projectstatusbar.cpp" line="86"/>
        <source>%1 [%2]</source>
        <translation>%1 [%2]</translation>
    </message>
    <message>
        <location filename="../widgets/projectstatusbar.cpp" line="88"/>
        <source>%1 → scripts in %2</source>
        <translation>%1 → Skripte in %2</translation>
    </message>
    <message>
        <location filename="../widgets/projectstatusbar.cpp" line="92"/>
        <source> (found by its layout)</source>
        <translation> (an seiner Struktur erkannt)</translation>
    </message>
    <message>
        <location filename="../widgets/projectstatusbar.cpp" line="97"/>
        <source>Revisions: %1</source>
        <translation>Revisionen: %1</translation>
    </message>
    <message>
        <location filename="../widgets/projectstatusbar.cpp" line="99"/>
        <source>Heads: %1</source>
        <translation>Heads: %1</translation>
    </message>
    <message>
        <location filename="../widgets/projectstatusbar.cpp" line="102"/>
        <source>Several heads: `alembic upgrade head` will refuse; merge them or upgrade to `heads`.</source>
        <translation>Mehrere Heads: `alembic upgrade head` schlägt fehl; führen Sie sie zusammen oder aktualisieren Sie auf `heads`.</translation>
    </message>
</context>
<context>
    <name>PythonEnvironment</name>
    <message>
        <location filename="../model/python/pythonenvironment.cpp" line="110"/>
        <source>Another interpreter can be chosen in the window (Database ▸ Python Interpreter…) or with --python in retort-cli.</source>
        <translation>Ein anderer Interpreter kann im Fenster (Datenbank ▸ Python-Interpreter…) oder mit --python in retort-cli gewählt werden.</translation>
    </message>
    <message>
        <location filename="../model/python/pythonenvironment.cpp" line="192"/>
        <source>%1 cannot be started (%2)</source>
        <translation>%1 kann nicht gestartet werden (%2)</translation>
    </message>
    <message>
        <location filename="../model/python/pythonenvironment.cpp" line="196"/>
        <source>%1 did not answer within 20 seconds</source>
        <translation>%1 hat nicht innerhalb von 20 Sekunden geantwortet</translation>
    </message>
    <message>
        <location filename="../model/python/pythonenvironment.cpp" line="202"/>
        <source>%1 cannot import %2: %3</source>
        <translation>%1 kann %2 nicht importieren: %3</translation>
    </message>
    <message>
        <location filename="../model/python/pythonenvironment.cpp" line="218"/>
        <source>No Python interpreter was found: Retort looked for a virtual environment in the project&apos;s folder and above, $VIRTUAL_ENV, /usr/bin/python3 and python3 on PATH. %1</source>
        <translation>Es wurde kein Python-Interpreter gefunden: Retort hat nach einer virtuellen Umgebung im Ordner des Projekts und darüber gesucht, nach $VIRTUAL_ENV, /usr/bin/python3 und python3 im PATH. %1</translation>
    </message>
    <message>
        <location filename="../model/python/pythonenvironment.cpp" line="225"/>
        <source>There is no %1 on PATH. %2</source>
        <translation>Im PATH gibt es kein %1. %2</translation>
    </message>
    <message>
        <location filename="../model/python/pythonenvironment.cpp" line="227"/>
        <source>The Python interpreter %1 does not exist. %2</source>
        <translation>Der Python-Interpreter %1 existiert nicht. %2</translation>
    </message>
    <message>
        <location filename="../model/python/pythonenvironment.cpp" line="228"/>
        <source>%1 is not an executable file, so it cannot be the Python interpreter. %2</source>
        <translation>%1 ist keine ausführbare Datei und kann daher nicht der Python-Interpreter sein. %2</translation>
    </message>
    <message>
        <location filename="../model/python/pythonenvironment.cpp" line="237"/>
        <source>%1 cannot be started (%2). %3</source>
        <translation>%1 kann nicht gestartet werden (%2). %3</translation>
    </message>
    <message>
        <location filename="../model/python/pythonenvironment.cpp" line="242"/>
        <source>%1 did not say within 20 seconds which alembic it has; a slow disk or a package that waits at import can cause this. Try again. %2</source>
        <translation>%1 hat nicht innerhalb von 20 Sekunden gemeldet, welches alembic es hat; das kann an einem langsamen Datenträger oder an einem Paket liegen, das beim Import wartet. Versuchen Sie es erneut. %2</translation>
    </message>
    <message>
        <location filename="../model/python/pythonenvironment.cpp" line="248"/>
        <source>%1 crashed while importing alembic (%2). %3</source>
        <translation>%1 ist beim Importieren von alembic abgestürzt (%2). %3</translation>
    </message>
    <message>
        <location filename="../model/python/pythonenvironment.cpp" line="252"/>
        <source>exit code %1</source>
        <translation>Exit-Code %1</translation>
    </message>
    <message>
        <location filename="../model/python/pythonenvironment.cpp" line="254"/>
        <source>%1 cannot import SQLAlchemy, which alembic needs (%2). Install it with &apos;%3&apos;. %4</source>
        <translation>%1 kann SQLAlchemy, das alembic benötigt, nicht importieren (%2). Installieren Sie es mit &apos;%3&apos;. %4</translation>
    </message>
    <message>
        <location filename="../model/python/pythonenvironment.cpp" line="260"/>
        <source>%1 cannot import alembic (%2). Install it with &apos;%3&apos;. %4</source>
        <translation>%1 kann alembic nicht importieren (%2). Installieren Sie es mit &apos;%3&apos;. %4</translation>
    </message>
    <message>
        <location filename="../model/python/pythonenvironment.cpp" line="269"/>
        <source>%1 ran, but did not answer the way a Python interpreter does; is it one? %2</source>
        <translation>%1 lief, hat aber nicht wie ein Python-Interpreter geantwortet; ist es überhaupt einer? %2</translation>
    </message>
</context>
<context>
    <name>PythonParser</name>
    <message>
        <location filename="../model/python/pythonparser.cpp" line="218"/>
        <location filename="../model/python/pythonparser.cpp" line="1087"/>
        <source>unexpected indent</source>
        <translation>unerwartete Einrückung</translation>
    </message>
    <message>
        <location filename="../model/python/pythonparser.cpp" line="293"/>
        <source>too many nested parentheses (Python allows %1)</source>
        <translation>zu viele verschachtelte Klammern (Python erlaubt %1)</translation>
    </message>
    <message>
        <location filename="../model/python/pythonparser.cpp" line="328"/>
        <source>more than %1 attribute accesses, calls or subscripts in a row; Python stops compiling such an expression (RecursionError)</source>
        <translation>mehr als %1 Attributzugriffe, Aufrufe oder Indizierungen hintereinander; Python bricht das Kompilieren eines solchen Ausdrucks ab (RecursionError)</translation>
    </message>
    <message>
        <location filename="../model/python/pythonparser.cpp" line="461"/>
        <source>invalid string literal %1</source>
        <translation>ungültiges Zeichenkettenliteral %1</translation>
    </message>
    <message>
        <location filename="../model/python/pythonparser.cpp" line="469"/>
        <source>cannot mix bytes and nonbytes literals</source>
        <translation>Bytes- und Nicht-Bytes-Literale können nicht gemischt werden</translation>
    </message>
    <message>
        <location filename="../model/python/pythonparser.cpp" line="932"/>
        <source>invalid function definition</source>
        <translation>ungültige Funktionsdefinition</translation>
    </message>
    <message>
        <location filename="../model/python/pythonparser.cpp" line="945"/>
        <source>expected &apos;:&apos; at the end of the definition of &apos;%1&apos;</source>
        <translation>&apos;:&apos; am Ende der Definition von &apos;%1&apos; erwartet</translation>
    </message>
    <message>
        <location filename="../model/python/pythonparser.cpp" line="1070"/>
        <source>expected an indented block after &apos;%1&apos; statement on line %2</source>
        <translation>eingerückter Block nach der &apos;%1&apos;-Anweisung in Zeile %2 erwartet</translation>
    </message>
</context>
<context>
    <name>PythonTokenizer</name>
    <message>
        <location filename="../model/python/pythontokenizer.cpp" line="339"/>
        <source>inconsistent use of tabs and spaces in indentation</source>
        <translation>inkonsistente Verwendung von Tabulatoren und Leerzeichen bei der Einrückung</translation>
    </message>
    <message>
        <location filename="../model/python/pythontokenizer.cpp" line="354"/>
        <source>too many levels of indentation (Python allows %1)</source>
        <translation>zu viele Einrückungsebenen (Python erlaubt %1)</translation>
    </message>
    <message>
        <location filename="../model/python/pythontokenizer.cpp" line="367"/>
        <source>unindent does not match any outer indentation level</source>
        <translation>Ausrückung passt zu keiner äußeren Einrückungsebene</translation>
    </message>
    <message>
        <location filename="../model/python/pythontokenizer.cpp" line="394"/>
        <location filename="../model/python/pythontokenizer.cpp" line="540"/>
        <source>&apos;%1&apos; was never closed</source>
        <translation>&apos;%1&apos; wurde nie geschlossen</translation>
    </message>
    <message>
        <location filename="../model/python/pythontokenizer.cpp" line="438"/>
        <location filename="../model/python/pythontokenizer.cpp" line="453"/>
        <source>unterminated string literal (detected at line %1)</source>
        <translation>nicht abgeschlossenes Zeichenkettenliteral (erkannt in Zeile %1)</translation>
    </message>
    <message>
        <location filename="../model/python/pythontokenizer.cpp" line="451"/>
        <source>unterminated triple-quoted string literal (detected at line %1)</source>
        <translation>nicht abgeschlossenes Zeichenkettenliteral in dreifachen Anführungszeichen (erkannt in Zeile %1)</translation>
    </message>
    <message>
        <location filename="../model/python/pythontokenizer.cpp" line="509"/>
        <source>unmatched &apos;%1&apos;</source>
        <translation>&apos;%1&apos; ohne Gegenstück</translation>
    </message>
    <message>
        <location filename="../model/python/pythontokenizer.cpp" line="520"/>
        <source>closing parenthesis &apos;%1&apos; does not match opening parenthesis &apos;%2&apos;</source>
        <translation>schließende Klammer &apos;%1&apos; passt nicht zur öffnenden Klammer &apos;%2&apos;</translation>
    </message>
    <message>
        <location filename="../model/python/pythontokenizer.cpp" line="522"/>
        <source>closing parenthesis &apos;%1&apos; does not match opening parenthesis &apos;%2&apos; on line %3</source>
        <translation>schließende Klammer &apos;%1&apos; passt nicht zur öffnenden Klammer &apos;%2&apos; in Zeile %3</translation>
    </message>
    <message>
        <location filename="../model/python/pythontokenizer.cpp" line="602"/>
        <source>unexpected end of file after a line continuation character</source>
        <translation>unerwartetes Dateiende nach einem Zeilenfortsetzungszeichen</translation>
    </message>
    <message>
        <location filename="../model/python/pythontokenizer.cpp" line="606"/>
        <source>unexpected character after line continuation character</source>
        <translation>unerwartetes Zeichen nach einem Zeilenfortsetzungszeichen</translation>
    </message>
    <message>
        <location filename="../model/python/pythontokenizer.cpp" line="650"/>
        <source>invalid character &apos;%1&apos; (U+%2)</source>
        <translation>ungültiges Zeichen &apos;%1&apos; (U+%2)</translation>
    </message>
    <message>
        <location filename="../model/python/pythontokenizer.cpp" line="698"/>
        <source>unknown encoding &apos;%1&apos; in the coding declaration; reading the file as UTF-8</source>
        <translation>unbekannte Kodierung &apos;%1&apos; in der coding-Deklaration; die Datei wird als UTF-8 gelesen</translation>
    </message>
    <message>
        <location filename="../model/python/pythontokenizer.cpp" line="707"/>
        <source>Retort does not know the encoding &apos;%1&apos; of the coding declaration; the file is plain ASCII, so it reads the same, but Python refuses to import it if &apos;%1&apos; is no codec</source>
        <translation>Retort kennt die Kodierung &apos;%1&apos; der Kodierungsdeklaration nicht; die Datei ist reines ASCII und liest sich daher gleich, aber Python verweigert den Import, wenn &apos;%1&apos; kein Codec ist</translation>
    </message>
    <message>
        <location filename="../model/python/pythontokenizer.cpp" line="715"/>
        <location filename="../model/python/pythontokenizer.cpp" line="720"/>
        <source>the file starts with a UTF-8 byte order mark but declares the encoding &apos;%1&apos;</source>
        <translation>die Datei beginnt mit einer UTF-8-Bytereihenfolgemarkierung, deklariert aber die Kodierung &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../model/python/pythontokenizer.cpp" line="746"/>
        <source>a byte cannot be decoded with the declared encoding &apos;%1&apos;; it was replaced</source>
        <translation>ein Byte kann mit der deklarierten Kodierung &apos;%1&apos; nicht dekodiert werden; es wurde ersetzt</translation>
    </message>
    <message>
        <location filename="../model/python/pythontokenizer.cpp" line="758"/>
        <source>the file is not valid UTF-8; undecodable bytes were replaced. Save it as UTF-8 or declare its encoding in a coding comment</source>
        <translation>die Datei ist kein gültiges UTF-8; nicht dekodierbare Bytes wurden ersetzt. Speichern Sie sie als UTF-8 oder deklarieren Sie ihre Kodierung in einem coding-Kommentar</translation>
    </message>
</context>
<context>
    <name>RemovalDialog</name>
    <message>
        <location filename="../widgets/removaldialog.cpp" line="49"/>
        <source>Delete Revision %1</source>
        <translation>Revision %1 löschen</translation>
    </message>
    <message>
        <location filename="../widgets/removaldialog.cpp" line="53"/>
        <source>&lt;b&gt;Delete %1&lt;/b&gt; %2</source>
        <translation>&lt;b&gt;%1 löschen&lt;/b&gt; %2</translation>
    </message>
    <message>
        <location filename="../widgets/removaldialog.cpp" line="56"/>
        <source>Only this revision</source>
        <translation>Nur diese Revision</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/removaldialog.cpp" line="58"/>
        <source>With its descendants (%n more revision(s))</source>
        <translation>
            <numerusform>Mit ihren Nachfahren (%n weitere Revision)</numerusform>
            <numerusform>Mit ihren Nachfahren (%n weitere Revisionen)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/removaldialog.cpp" line="61"/>
        <source>Re-parent its children onto %1</source>
        <translation>Ihre Kinder an %1 hängen</translation>
    </message>
    <message>
        <location filename="../widgets/removaldialog.cpp" line="62"/>
        <source>the base</source>
        <translation>die Basis</translation>
    </message>
    <message>
        <location filename="../widgets/removaldialog.cpp" line="73"/>
        <source>Move the branch labels %1 to %2</source>
        <translation>Die Branch-Labels %1 nach %2 verschieben</translation>
    </message>
    <message>
        <location filename="../widgets/removaldialog.cpp" line="79"/>
        <source>Files that change</source>
        <translation>Dateien, die sich ändern</translation>
    </message>
    <message>
        <location filename="../widgets/removaldialog.cpp" line="87"/>
        <source>I have read the warnings</source>
        <translation>Ich habe die Warnungen gelesen</translation>
    </message>
    <message>
        <location filename="../widgets/removaldialog.cpp" line="93"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../widgets/removaldialog.cpp" line="124"/>
        <source>Delete %1</source>
        <translation>%1 löschen</translation>
    </message>
    <message>
        <location filename="../widgets/removaldialog.cpp" line="143"/>
        <source>no password was given</source>
        <translation>es wurde kein Passwort angegeben</translation>
    </message>
    <message>
        <location filename="../widgets/removaldialog.cpp" line="187"/>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <location filename="../widgets/removaldialog.cpp" line="191"/>
        <source>delete %1</source>
        <translation>löschen  %1</translation>
    </message>
    <message>
        <location filename="../widgets/removaldialog.cpp" line="196"/>
        <source>edit   %1</source>
        <translation>ändern   %1</translation>
    </message>
    <message>
        <location filename="../widgets/removaldialog.cpp" line="198"/>
        <source>Environments</source>
        <translation>Umgebungen</translation>
    </message>
    <message>
        <location filename="../widgets/removaldialog.cpp" line="200"/>
        <source>reading…</source>
        <translation>wird gelesen…</translation>
    </message>
    <message>
        <location filename="../widgets/removaldialog.cpp" line="202"/>
        <source>none set up: no database was checked</source>
        <translation>keine eingerichtet: keine Datenbank wurde geprüft</translation>
    </message>
    <message>
        <location filename="../widgets/removaldialog.cpp" line="205"/>
        <source>could not be read</source>
        <translation>konnte nicht gelesen werden</translation>
    </message>
    <message>
        <location filename="../widgets/removaldialog.cpp" line="206"/>
        <source>no revision applied</source>
        <translation>keine Revision angewendet</translation>
    </message>
    <message>
        <location filename="../widgets/removaldialog.cpp" line="213"/>
        <source>Git</source>
        <translation>Git</translation>
    </message>
    <message>
        <location filename="../widgets/removaldialog.cpp" line="224"/>
        <source>git could not tell whether the files are committed: %1</source>
        <translation>git konnte nicht sagen, ob die Dateien committet sind: %1</translation>
    </message>
    <message>
        <location filename="../widgets/removaldialog.cpp" line="227"/>
        <source>Cannot delete:</source>
        <translation>Löschen nicht möglich:</translation>
    </message>
    <message>
        <location filename="../widgets/removaldialog.cpp" line="229"/>
        <source>Warnings:</source>
        <translation>Warnungen:</translation>
    </message>
</context>
<context>
    <name>RetortCli</name>
    <message>
        <location filename="../app/cli/cliarguments.cpp" line="40"/>
        <source>Option %1 needs a value.</source>
        <translation>Option %1 benötigt einen Wert.</translation>
    </message>
    <message>
        <location filename="../app/cli/cliarguments.cpp" line="106"/>
        <source>--wait-lock needs a number of seconds or &quot;forever&quot;.</source>
        <translation>--wait-lock benötigt eine Anzahl von Sekunden oder &quot;forever&quot;.</translation>
    </message>
    <message>
        <location filename="../app/cli/cliarguments.cpp" line="149"/>
        <source>Unknown option %1.</source>
        <translation>Unbekannte Option %1.</translation>
    </message>
    <message>
        <location filename="../app/cli/cliarguments.cpp" line="158"/>
        <source>Only graph takes --env more than once.</source>
        <translation>Nur graph nimmt --env mehr als einmal.</translation>
    </message>
    <message>
        <location filename="../app/cli/cliarguments.cpp" line="169"/>
        <source>Usage: retort-cli [project options] COMMAND [options]

Reads an Alembic project natively and answers as alembic would; Python runs only for
--evaluate and for upgrade and downgrade.

Project options (default: alembic.ini, else pyproject.toml, in the current folder):
  -c, --config PATH     alembic.ini, pyproject.toml, a script location or a versions folder
  -n, --name NAME       the ini section to read (default: alembic)
  --versions DIR        a versions folder without a config file; repeat for several
  --evaluate            load, in the project&apos;s Python, the revision files whose header
                        values Retort cannot work out itself (this runs their code)
  --python PATH         the interpreter for --evaluate, upgrade and downgrade (default: the
                        one chosen for the project, else its .venv/ or venv/, Poetry&apos;s,
                        $VIRTUAL_ENV, the default in Settings, /usr/bin/python3, python3)

Commands:
  heads [-v] [--resolve-dependencies]   the head revisions
  history [-r START:END] [-v]           revisions, newest first
  branches [-v]                         branch points and their children
  show REV                              one revision in detail
  plan upgrade|downgrade TARGET --from REV[,REV...]
  plan stamp TARGET... --from REV[,REV...] [--purge]
                                        the steps and version rows, without a database
  graph --format json|dot|svg|png [-o FILE] [--left-to-right] [--expand-all]
        [--env NAME]... [--url URL]     the whole revision graph, as data or as the picture
                                        the GUI draws (png needs -o); with --env (repeatable)
                                        or --url, where each database stands: its pins on
                                        the picture, a note in dot, its rows in json (the
                                        databases are only read)
  check                                 problems in the history; exit 1 on any error
  changes REV|START:END [--dialect NAME] what the migrations change in the schema (replayed
                                        from the files, for sqlite, postgresql or mysql)

Database commands (default database: sqlalchemy.url of the config):
  current [-v] [--check-heads]          the database&apos;s current revisions, as alembic current
  status [--check-heads]                applied and pending revisions, unknown rows
  stamp TARGET... [--purge] [--dry-run] [--confirm NAME]
                                        set the version rows without running migrations
  upgrade|downgrade TARGET [--dry-run] [--sql] [--yes] [--confirm NAME] [--wait-lock SECONDS]
                   [-x VALUE]... [--python PATH]
                                        the plan and its warnings, then real alembic runs it
                                        and the version rows are checked against the plan;
                                        warnings need --yes without a terminal
  delete REV [--with-descendants|--reparent [--move-labels]] [--dry-run] [--yes]
                                        remove a revision no environment has applied (all
                                        configured ones, --env and --url are checked): its
                                        file goes to the trash, children are re-parented or
                                        deleted too; warnings need --yes without a terminal
  schema                                the database&apos;s tables, columns, keys, indexes and
                                        constraints, read from its catalog
  diff [--against stamped|REV]          the database&apos;s schema against the one the migrations
                                        give at its stamped revisions (or at REV); exit 0: the
                                        same, 1: differences, 2: could not compare
  match [-v]                            the revisions whose schema is closest to the
                                        database&apos;s, best first, and how to stamp there
  --url URL             a SQLAlchemy URL (sqlite, postgresql, mysql, mariadb); other users can
                        see a password in it in the process list: prefer --url-env or --url -
  --url-env NAME        read the URL from the environment variable NAME
  --url -               read the URL from the first line of standard input
  --env NAME            an environment set up in Retort
  --version-table NAME, --version-table-schema NAME
                        when env.py&apos;s context.configure() does not name them literally

Common options:
  --json                machine-readable output (see README.md)
  -h, --help            this help
  --version             the version
</source>
        <translation>Aufruf: retort-cli [Projektoptionen] BEFEHL [Optionen]

Liest ein Alembic-Projekt direkt und antwortet so, wie alembic es tun würde; Python läuft nur für
--evaluate sowie für upgrade und downgrade.

Projektoptionen (Vorgabe: alembic.ini, sonst pyproject.toml im aktuellen Ordner):
  -c, --config PATH     alembic.ini, pyproject.toml, ein Skriptverzeichnis oder ein Versionsordner
  -n, --name NAME       der zu lesende INI-Abschnitt (Vorgabe: alembic)
  --versions DIR        ein Versionsordner ohne Konfigurationsdatei; für mehrere wiederholen
  --evaluate            im Python des Projekts die Revisionsdateien laden, deren Kopfwerte
                        Retort nicht selbst ermitteln kann (dabei läuft ihr Code)
  --python PATH         der Interpreter für --evaluate, upgrade und downgrade (Vorgabe: der
                        für das Projekt gewählte, sonst sein .venv/ oder venv/, der von Poetry,
                        $VIRTUAL_ENV, der Standard aus den Einstellungen, /usr/bin/python3, python3)

Befehle:
  heads [-v] [--resolve-dependencies]   die Head-Revisionen
  history [-r START:END] [-v]           Revisionen, neueste zuerst
  branches [-v]                         Verzweigungspunkte und ihre Kinder
  show REV                              eine Revision im Detail
  plan upgrade|downgrade TARGET --from REV[,REV...]
  plan stamp TARGET... --from REV[,REV...] [--purge]
                                        die Schritte und Versionszeilen, ohne Datenbank
  graph --format json|dot|svg|png [-o FILE] [--left-to-right] [--expand-all]
        [--env NAME]... [--url URL]     der gesamte Revisionsgraph, als Daten oder als das Bild,
                                        das die GUI zeichnet (png benötigt -o); mit --env
                                        (wiederholbar) oder --url, wo jede Datenbank steht:
                                        ihre Markierungen im Bild, eine Notiz in dot, ihre
                                        Zeilen in json (die Datenbanken werden nur gelesen)
  check                                 Probleme im Verlauf; Exit-Code 1 bei jedem Fehler
  changes REV|START:END [--dialect NAME] was die Migrationen am Schema ändern (aus
                                        den Dateien nachgespielt, für sqlite, postgresql
                                        oder mysql)

Datenbankbefehle (Vorgabe-Datenbank: sqlalchemy.url der Konfiguration):
  current [-v] [--check-heads]          die aktuellen Revisionen der Datenbank, wie alembic current
  status [--check-heads]                angewendete und ausstehende Revisionen, unbekannte Zeilen
  stamp TARGET... [--purge] [--dry-run] [--confirm NAME]
                                        die Versionszeilen setzen, ohne Migrationen auszuführen
  upgrade|downgrade TARGET [--dry-run] [--sql] [--yes] [--confirm NAME] [--wait-lock SECONDS]
                   [-x VALUE]... [--python PATH]
                                        der Plan und seine Warnungen; dann führt das echte
                                        alembic ihn aus, und die Versionszeilen werden mit dem
                                        Plan abgeglichen; ohne Terminal verlangen Warnungen --yes
  delete REV [--with-descendants|--reparent [--move-labels]] [--dry-run] [--yes]
                                        eine Revision entfernen, die keine Umgebung angewendet
                                        hat (alle eingerichteten, --env und --url werden
                                        geprüft): Ihre Datei kommt in den Papierkorb, Kinder
                                        werden umgehängt oder ebenfalls gelöscht; ohne
                                        Terminal verlangen Warnungen --yes
  schema                                Tabellen, Spalten, Schlüssel, Indizes und Bedingungen
                                        der Datenbank, aus ihrem Katalog gelesen
  diff [--against stamped|REV]          das Schema der Datenbank im Vergleich mit dem, das die
                                        Migrationen bei ihren gestempelten Revisionen (oder bei
                                        REV) ergeben; Exit-Code 0: gleich, 1: Unterschiede,
                                        2: Vergleich nicht möglich
  match [-v]                            die Revisionen, deren Schema dem der Datenbank am
                                        nächsten kommt, die beste zuerst, und wie man sie
                                        dorthin stempelt
  --url URL             eine SQLAlchemy-URL (sqlite, postgresql, mysql, mariadb); andere Benutzer
                        sehen ein darin enthaltenes Passwort in der Prozessliste: besser
                        --url-env oder --url - verwenden
  --url-env NAME        die URL aus der Umgebungsvariablen NAME lesen
  --url -               die URL aus der ersten Zeile der Standardeingabe lesen
  --env NAME            eine in Retort eingerichtete Umgebung
  --version-table NAME, --version-table-schema NAME
                        wenn context.configure() in env.py sie nicht literal nennt

Allgemeine Optionen:
  --json                maschinenlesbare Ausgabe (siehe README.md)
  -h, --help            diese Hilfe
  --version             die Version
</translation>
    </message>
    <message>
        <location filename="../app/cli/clicommands.cpp" line="122"/>
        <source>No such versions folder: &apos;%1&apos;.</source>
        <translation>Versionsordner nicht gefunden: &apos;%1&apos;.</translation>
    </message>
    <message>
        <location filename="../app/cli/clicommands.cpp" line="193"/>
        <source>A history range has one colon: [start]:[end].</source>
        <translation>Ein Verlaufsbereich enthält genau einen Doppelpunkt: [start]:[end].</translation>
    </message>
    <message>
        <location filename="../app/cli/clicommands.cpp" line="197"/>
        <source>&apos;current&apos; needs a database connection, which retort-cli history does not take yet.</source>
        <translation>&apos;current&apos; benötigt eine Datenbankverbindung, die retort-cli history noch nicht unterstützt.</translation>
    </message>
    <message>
        <location filename="../app/cli/clicommands.cpp" line="251"/>
        <source>show takes one revision identifier.</source>
        <translation>show erwartet einen Revisionsbezeichner.</translation>
    </message>
    <message>
        <location filename="../app/cli/clicommands.cpp" line="253"/>
        <source>&apos;current&apos; needs a database connection, which retort-cli show does not take yet.</source>
        <translation>&apos;current&apos; benötigt eine Datenbankverbindung, die retort-cli show noch nicht unterstützt.</translation>
    </message>
    <message>
        <location filename="../app/cli/clicommands.cpp" line="275"/>
        <source>plan needs an action and a target: plan upgrade|downgrade|stamp TARGET --from REV[,REV...]</source>
        <translation>plan benötigt eine Aktion und ein Ziel: plan upgrade|downgrade|stamp TARGET --from REV[,REV...]</translation>
    </message>
    <message>
        <location filename="../app/cli/clicommands.cpp" line="287"/>
        <source>%1 takes exactly one target.</source>
        <translation>%1 erwartet genau ein Ziel.</translation>
    </message>
    <message>
        <location filename="../app/cli/clicommands.cpp" line="292"/>
        <source>Unknown plan action &apos;%1&apos;; use upgrade, downgrade or stamp.</source>
        <translation>Unbekannte plan-Aktion &apos;%1&apos;; verwenden Sie upgrade, downgrade oder stamp.</translation>
    </message>
    <message>
        <location filename="../app/cli/clicommands.cpp" line="306"/>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <location filename="../app/cli/clicommands.cpp" line="383"/>
        <source>A PNG picture needs a file: add -o FILE.</source>
        <translation>Ein PNG-Bild benötigt eine Datei: Geben Sie -o FILE an.</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/cli/clicommands.cpp" line="438"/>
        <source>%n revision(s)</source>
        <translation>
            <numerusform>%n Revision</numerusform>
            <numerusform>%n Revisionen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/cli/clicommands.cpp" line="439"/>
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n Fehler</numerusform>
            <numerusform>%n Fehler</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/cli/clicommands.cpp" line="440"/>
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n Warnung</numerusform>
            <numerusform>%n Warnungen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/cli/clicommands.cpp" line="381"/>
        <source>Unknown graph format &apos;%1&apos;; use json, dot, svg or png.</source>
        <translation>Unbekanntes Graphformat &apos;%1&apos;; verwenden Sie json, dot, svg oder png.</translation>
    </message>
    <message>
        <location filename="../app/cli/clicommands.cpp" line="486"/>
        <source>Unknown command &apos;%1&apos;.</source>
        <translation>Unbekannter Befehl &apos;%1&apos;.</translation>
    </message>
</context>
<context>
    <name>RevisionEditActions</name>
    <message>
        <location filename="../widgets/revisioneditactions.cpp" line="46"/>
        <source>%1: done. Edit ▸ Undo puts the files back.</source>
        <translation>%1: erledigt. Bearbeiten ▸ Rückgängig stellt die Dateien wieder her.</translation>
    </message>
    <message>
        <location filename="../widgets/revisioneditactions.cpp" line="63"/>
        <source>Delete Revision…</source>
        <translation>Revision löschen…</translation>
    </message>
    <message>
        <location filename="../widgets/revisioneditactions.cpp" line="74"/>
        <source>Cannot Undo</source>
        <translation>Rückgängigmachen nicht möglich</translation>
    </message>
    <message>
        <location filename="../widgets/revisioneditactions.cpp" line="82"/>
        <source>Undone: %1</source>
        <translation>Rückgängig gemacht: %1</translation>
    </message>
    <message>
        <location filename="../widgets/revisioneditactions.cpp" line="96"/>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location filename="../widgets/revisioneditactions.cpp" line="96"/>
        <source>&amp;Undo %1</source>
        <translation>&amp;Rückgängig: %1</translation>
    </message>
</context>
<context>
    <name>RevisionFileEditor</name>
    <message>
        <location filename="../model/edits/revisionfileeditor.cpp" line="136"/>
        <source>%1 is not UTF-8 text; Retort edits only files it can write back byte for byte. Edit it by hand.</source>
        <translation>%1 ist kein UTF-8-Text; Retort bearbeitet nur Dateien, die es Byte für Byte zurückschreiben kann. Bearbeiten Sie sie von Hand.</translation>
    </message>
    <message>
        <location filename="../model/edits/revisionfileeditor.cpp" line="163"/>
        <source>%1 has no %2 variable to change.</source>
        <translation>%1 hat keine Variable %2, die geändert werden könnte.</translation>
    </message>
    <message>
        <location filename="../model/edits/revisionfileeditor.cpp" line="166"/>
        <source>%1: %2 is computed (%3), so Retort cannot rewrite it; edit it by hand.</source>
        <translation>%1: %2 wird berechnet (%3), daher kann Retort es nicht umschreiben; bearbeiten Sie es von Hand.</translation>
    </message>
</context>
<context>
    <name>RevisionFormatter</name>
    <message>
        <location filename="../model/history/revisionformatter.cpp" line="99"/>
        <source>line %1</source>
        <translation>Zeile %1</translation>
    </message>
    <message>
        <location filename="../model/history/revisionformatter.cpp" line="102"/>
        <source>%1 = %2 (%3): unknown, %4
</source>
        <translation>%1 = %2 (%3): unbekannt, %4
</translation>
    </message>
    <message>
        <location filename="../model/history/revisionformatter.cpp" line="105"/>
        <source>%1 = %2 (%3): %4, from %5
</source>
        <translation>%1 = %2 (%3): %4, aus %5
</translation>
    </message>
    <message>
        <location filename="../model/history/revisionformatter.cpp" line="109"/>
        <source>%1 = %2 (%3): %4, %5
</source>
        <translation>%1 = %2 (%3): %4, %5
</translation>
    </message>
</context>
<context>
    <name>RevisionGraphView</name>
    <message>
        <location filename="../widgets/revisiongraphview.cpp" line="55"/>
        <source>Quick Layout</source>
        <translation>Schnelles Layout</translation>
    </message>
    <message>
        <location filename="../widgets/revisiongraphview.cpp" line="66"/>
        <source>Revision graph</source>
        <translation>Revisionsgraph</translation>
    </message>
    <message>
        <location filename="../widgets/revisiongraphview.cpp" line="82"/>
        <source>Laying out</source>
        <translation>Layout wird berechnet</translation>
    </message>
    <message>
        <location filename="../widgets/revisiongraphview.cpp" line="84"/>
        <source>Stop Graphviz and draw Retort&apos;s simpler layered layout now</source>
        <translation>Graphviz anhalten und sofort Retorts einfacheres Schichtenlayout zeichnen</translation>
    </message>
    <message>
        <location filename="../widgets/revisiongraphview.cpp" line="172"/>
        <source>Drawing the quick layout…</source>
        <translation>Das schnelle Layout wird gezeichnet…</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/revisiongraphview.cpp" line="195"/>
        <source>Laying out %n revisions…</source>
        <translation>
            <numerusform>%n Revision wird angeordnet…</numerusform>
            <numerusform>%n Revisionen werden angeordnet…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/revisiongraphview.cpp" line="219"/>
        <source>The graph cannot be drawn: %1</source>
        <translation>Der Graph kann nicht gezeichnet werden: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/revisiongraphview.cpp" line="484"/>
        <source>Only the ancestors and descendants of %1 are shown (%n revision(s)). &lt;a href=&apos;#all&apos;&gt;Show All Branches&lt;/a&gt;</source>
        <translation>
            <numerusform>Nur die Vorfahren und Nachfahren von %1 werden gezeigt (%n Revision). &lt;a href=&apos;#all&apos;&gt;Alle Branches zeigen&lt;/a&gt;</numerusform>
            <numerusform>Nur die Vorfahren und Nachfahren von %1 werden gezeigt (%n Revisionen). &lt;a href=&apos;#all&apos;&gt;Alle Branches zeigen&lt;/a&gt;</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/revisiongraphview.cpp" line="765"/>
        <source>unknown to this project</source>
        <translation>diesem Projekt unbekannt</translation>
    </message>
    <message>
        <location filename="../widgets/revisiongraphview.cpp" line="769"/>
        <source>%1 is in the version table but no revision file declares it. Restore the file (e.g. from version control), or stamp the database to the revision it really matches.</source>
        <translation>%1 steht in der Versionstabelle, aber keine Revisionsdatei deklariert sie. Stellen Sie die Datei wieder her (z. B. aus der Versionsverwaltung) oder setzen Sie die Datenbank per stamp auf die Revision, der sie tatsächlich entspricht.</translation>
    </message>
    <message>
        <location filename="../widgets/revisiongraphview.cpp" line="812"/>
        <source>delete</source>
        <translation>löschen</translation>
    </message>
    <message>
        <location filename="../widgets/revisiongraphview.cpp" line="813"/>
        <source>edit</source>
        <translation>ändern</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/revisiongraphview.cpp" line="994"/>
        <source>Expand %n Revisions</source>
        <translation>
            <numerusform>%n Revision ausklappen</numerusform>
            <numerusform>%n Revisionen ausklappen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/revisiongraphview.cpp" line="997"/>
        <source>Show Source</source>
        <translation>Quelltext anzeigen</translation>
    </message>
    <message>
        <location filename="../widgets/revisiongraphview.cpp" line="998"/>
        <source>Show Only This Branch</source>
        <translation>Nur diesen Zweig anzeigen</translation>
    </message>
    <message>
        <location filename="../widgets/revisiongraphview.cpp" line="1002"/>
        <source>Show All Branches</source>
        <translation>Alle Zweige anzeigen</translation>
    </message>
    <message>
        <location filename="../widgets/revisiongraphview.cpp" line="1004"/>
        <source>Fit to Window</source>
        <translation>An Fenster anpassen</translation>
    </message>
</context>
<context>
    <name>RevisionListModel</name>
    <message>
        <location filename="../model/history/revisionlistmodel.cpp" line="113"/>
        <source>(missing revision file)</source>
        <translation>(fehlende Revisionsdatei)</translation>
    </message>
    <message>
        <location filename="../model/history/revisionlistmodel.cpp" line="149"/>
        <source>Graph</source>
        <translation>Graph</translation>
    </message>
    <message>
        <location filename="../model/history/revisionlistmodel.cpp" line="151"/>
        <source>Revision</source>
        <translation>Revision</translation>
    </message>
    <message>
        <location filename="../model/history/revisionlistmodel.cpp" line="153"/>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <location filename="../model/history/revisionlistmodel.cpp" line="155"/>
        <source>Parents</source>
        <translation>Eltern</translation>
    </message>
    <message>
        <location filename="../model/history/revisionlistmodel.cpp" line="157"/>
        <source>Branch labels</source>
        <translation>Zweig-Labels</translation>
    </message>
    <message>
        <location filename="../model/history/revisionlistmodel.cpp" line="159"/>
        <source>Flags</source>
        <translation>Merkmale</translation>
    </message>
    <message>
        <location filename="../model/history/revisionlistmodel.cpp" line="161"/>
        <source>Databases</source>
        <translation>Datenbanken</translation>
    </message>
    <message>
        <location filename="../model/history/revisionlistmodel.cpp" line="188"/>
        <source>head</source>
        <translation>Head</translation>
    </message>
    <message>
        <location filename="../model/history/revisionlistmodel.cpp" line="190"/>
        <source>effective head</source>
        <translation>effektiver Head</translation>
    </message>
    <message>
        <location filename="../model/history/revisionlistmodel.cpp" line="192"/>
        <source>base</source>
        <translation>Basis</translation>
    </message>
    <message>
        <location filename="../model/history/revisionlistmodel.cpp" line="194"/>
        <source>merge</source>
        <translation>Zusammenführung</translation>
    </message>
    <message>
        <location filename="../model/history/revisionlistmodel.cpp" line="196"/>
        <source>branch point</source>
        <translation>Verzweigung</translation>
    </message>
    <message>
        <location filename="../model/history/revisionlistmodel.cpp" line="198"/>
        <source>missing</source>
        <translation>fehlend</translation>
    </message>
    <message>
        <location filename="../model/history/revisionlistmodel.cpp" line="212"/>
        <source>depends on %1</source>
        <translation>hängt ab von %1</translation>
    </message>
    <message>
        <location filename="../model/history/revisionlistmodel.cpp" line="213"/>
        <source>%1; %2</source>
        <translation>%1; %2</translation>
    </message>
    <message>
        <location filename="../model/history/revisionlistmodel.cpp" line="224"/>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <location filename="../model/history/revisionlistmodel.cpp" line="231"/>
        <source>down_revision: %1
depends_on: %2</source>
        <translation>down_revision: %1
depends_on: %2</translation>
    </message>
    <message>
        <location filename="../widgets/historyview.cpp" line="76"/>
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
</context>
<context>
    <name>RevisionMap</name>
    <message>
        <location filename="../model/history/revisionengine.cpp" line="54"/>
        <source>The identifier does not lead to a revision (alembic fails here with an AssertionError).</source>
        <translation>Der Bezeichner führt zu keiner Revision (alembic scheitert hier mit einem AssertionError).</translation>
    </message>
    <message>
        <location filename="../model/history/revisionengine.cpp" line="61"/>
        <source>The revision graph has a cycle, so it cannot be traversed. Run `retort-cli check` to see which revisions form it.</source>
        <translation>Der Revisionsgraph enthält einen Zyklus und kann daher nicht durchlaufen werden. Führen Sie `retort-cli check` aus, um zu sehen, welche Revisionen ihn bilden.</translation>
    </message>
    <message>
        <location filename="../model/history/revisionengine.cpp" line="185"/>
        <source>An empty revision identifier was given.</source>
        <translation>Es wurde ein leerer Revisionsbezeichner angegeben.</translation>
    </message>
    <message>
        <location filename="../model/history/revisionengine.cpp" line="366"/>
        <source>Cannot walk up from base.</source>
        <translation>Von base aus ist kein Schritt nach oben möglich.</translation>
    </message>
    <message>
        <location filename="../model/history/revisionengine.cpp" line="486"/>
        <source>The branch &apos;%1&apos; does not select exactly one current revision (alembic fails here with an AssertionError).</source>
        <translation>Der Zweig &apos;%1&apos; wählt nicht genau eine aktuelle Revision aus (alembic scheitert hier mit einem AssertionError).</translation>
    </message>
    <message>
        <location filename="../model/history/revisionengine.cpp" line="541"/>
        <source>Revision %1 is used as a branch but does not carry exactly one branch label (alembic fails here with an AssertionError).</source>
        <translation>Revision %1 wird als Zweig verwendet, trägt aber nicht genau ein Zweig-Label (alembic scheitert hier mit einem AssertionError).</translation>
    </message>
    <message>
        <location filename="../model/history/revisionengine.cpp" line="571"/>
        <source>The lower bound does not lead to a revision (alembic fails here with an AssertionError).</source>
        <translation>Die Untergrenze führt zu keiner Revision (alembic scheitert hier mit einem AssertionError).</translation>
    </message>
    <message>
        <location filename="../model/history/revisionmapbuilder.cpp" line="447"/>
        <source>Dependency cycle is detected in revisions (%1): following down_revision and depends_on leads back to where it started. Remove one of the depends_on entries.</source>
        <translation>Abhängigkeitszyklus in den Revisionen (%1) erkannt: Wer down_revision und depends_on folgt, landet wieder am Ausgangspunkt. Entfernen Sie einen der depends_on-Einträge.</translation>
    </message>
    <message>
        <location filename="../model/history/revisionmapbuilder.cpp" line="454"/>
        <source>Cycle is detected in revisions (%1): following down_revision leads back to where it started. Point one of them at an older revision.</source>
        <translation>Zyklus in den Revisionen (%1) erkannt: Wer down_revision folgt, landet wieder am Ausgangspunkt. Lassen Sie eine von ihnen auf eine ältere Revision verweisen.</translation>
    </message>
    <message>
        <location filename="../model/history/revisionmapbuilder.cpp" line="181"/>
        <source>Self-loop is detected in revisions (%1): the revision names itself in down_revision. Remove its own id from down_revision.</source>
        <translation>Selbstschleife in den Revisionen (%1) erkannt: Die Revision nennt sich selbst in down_revision. Entfernen Sie ihre eigene ID aus down_revision.</translation>
    </message>
    <message>
        <location filename="../model/history/revisionmapbuilder.cpp" line="168"/>
        <source>%1 = %2 in %3:%4 (%5)</source>
        <translation>%1 = %2 in %3:%4 (%5)</translation>
    </message>
    <message>
        <location filename="../model/history/revisionmapbuilder.cpp" line="189"/>
        <source>Dependency self-loop is detected in revisions (%1): the revision names itself in depends_on. Remove its own id from depends_on.</source>
        <translation>Abhängigkeits-Selbstschleife in den Revisionen (%1) erkannt: Die Revision nennt sich selbst in depends_on. Entfernen Sie ihre eigene ID aus depends_on.</translation>
    </message>
    <message>
        <location filename="../model/history/revisionmapbuilder.cpp" line="210"/>
        <source>Revision %1 is present more than once: in %2 and in %3. Alembic uses the later file; give one of them a new revision id.</source>
        <translation>Revision %1 ist mehrfach vorhanden: in %2 und in %3. Alembic verwendet die spätere Datei; geben Sie einer der beiden eine neue Revisions-ID.</translation>
    </message>
    <message>
        <location filename="../model/history/revisionmapbuilder.cpp" line="238"/>
        <source>Branch name &apos;%1&apos; in revision %2 already used by revision %3. Rename one of the labels.</source>
        <translation>Der Zweigname &apos;%1&apos; in Revision %2 wird bereits von Revision %3 verwendet. Benennen Sie eines der Labels um.</translation>
    </message>
    <message>
        <location filename="../model/history/revisionmapbuilder.cpp" line="273"/>
        <source>Revision %1 referenced from %2 is not present: no file declares it. Restore the missing file or point down_revision at an existing revision.</source>
        <translation>Die von %2 referenzierte Revision %1 ist nicht vorhanden: Keine Datei deklariert sie. Stellen Sie die fehlende Datei wieder her oder lassen Sie down_revision auf eine vorhandene Revision verweisen.</translation>
    </message>
    <message>
        <location filename="../model/history/revisionmapbuilder.cpp" line="292"/>
        <source>Revision %1 depends on %2, which is neither a revision nor a branch label. Fix the depends_on entry or restore the missing revision.</source>
        <translation>Revision %1 hängt von %2 ab, das weder eine Revision noch ein Zweig-Label ist. Korrigieren Sie den depends_on-Eintrag oder stellen Sie die fehlende Revision wieder her.</translation>
    </message>
    <message>
        <location filename="../model/history/revisionmap.cpp" line="124"/>
        <source>Revision %1 takes part in this, but its %2 could not be worked out, so its dependencies are unknown. Write the value out literally, or let the project&apos;s Python evaluate it (Evaluate with Python in the window, --evaluate in retort-cli).</source>
        <translation>Revision %1 ist daran beteiligt, aber ihr %2 konnte nicht ermittelt werden, daher sind ihre Abhängigkeiten unbekannt. Geben Sie den Wert als Literal an, oder lassen Sie ihn vom Python des Projekts auswerten („Mit Python auswerten“ im Fenster, --evaluate in retort-cli).</translation>
    </message>
    <message>
        <location filename="../model/history/revisionmap.cpp" line="138"/>
        <source>It may be a branch label of revision %1, whose %2 could not be worked out: write the value out literally, or let the project&apos;s Python evaluate it (Evaluate with Python in the window, --evaluate in retort-cli).</source>
        <translation>Es könnte ein Branch-Label von Revision %1 sein, deren %2 nicht ermittelt werden konnte: Geben Sie den Wert als Literal an, oder lassen Sie ihn vom Python des Projekts auswerten („Mit Python auswerten“ im Fenster, --evaluate in retort-cli).</translation>
    </message>
</context>
<context>
    <name>RevisionRemoval</name>
    <message>
        <location filename="../model/edits/revisionremoval.cpp" line="32"/>
        <source>(base)</source>
        <translation>(Basis)</translation>
    </message>
    <message>
        <location filename="../model/edits/revisionremoval.cpp" line="89"/>
        <source>The history has a cycle (see the problems list); break it by hand first, then delete %1.</source>
        <translation>Die Historie hat einen Zyklus (siehe Problemliste); lösen Sie ihn zuerst von Hand auf und löschen Sie dann %1.</translation>
    </message>
    <message>
        <location filename="../model/edits/revisionremoval.cpp" line="95"/>
        <source>%1 has no file: other revisions name it, but there is nothing to delete. Re-parent or delete the revisions that name it instead.</source>
        <translation>%1 hat keine Datei: Andere Revisionen nennen sie, aber es gibt nichts zu löschen. Hängen Sie stattdessen die Revisionen um, die sie nennen, oder löschen Sie diese.</translation>
    </message>
    <message>
        <location filename="../model/edits/revisionremoval.cpp" line="106"/>
        <source>%1 has children (%2). Delete them with it, or re-parent them onto %3.</source>
        <translation>%1 hat Kinder (%2). Löschen Sie sie mit, oder hängen Sie sie an %3.</translation>
    </message>
    <message>
        <location filename="../model/edits/revisionremoval.cpp" line="113"/>
        <source>The project has errors (see the problems list): the history Retort shows may not be the one alembic would load.</source>
        <translation>Das Projekt hat Fehler (siehe Problemliste): Die Historie, die Retort zeigt, ist vielleicht nicht die, die alembic laden würde.</translation>
    </message>
    <message>
        <location filename="../model/edits/revisionremoval.cpp" line="143"/>
        <source>%1 could not be read (%2): if it has %3 applied, deleting it breaks that database&apos;s history.</source>
        <translation>%1 konnte nicht gelesen werden (%2): Wenn dort %3 angewendet ist, zerbricht das Löschen die Historie dieser Datenbank.</translation>
    </message>
    <message>
        <location filename="../model/edits/revisionremoval.cpp" line="158"/>
        <source>%1&apos;s version table names %2, which the project does not have: Retort cannot tell what is applied there.</source>
        <translation>Die Versionstabelle von %1 nennt %2, das es im Projekt nicht gibt: Retort kann nicht sagen, was dort angewendet ist.</translation>
    </message>
    <message>
        <location filename="../model/edits/revisionremoval.cpp" line="171"/>
        <source>%1 is applied in %2 (its version table holds %3). Downgrade %2 below it first; an applied revision cannot be deleted.</source>
        <translation>%1 ist in %2 angewendet (die Versionstabelle enthält %3). Führen Sie zuerst ein Downgrade von %2 darunter aus; eine angewendete Revision kann nicht gelöscht werden.</translation>
    </message>
    <message>
        <location filename="../model/edits/revisionremoval.cpp" line="204"/>
        <location filename="../model/edits/revisionremoval.cpp" line="304"/>
        <source>%1 cannot be read.</source>
        <translation>%1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <location filename="../model/edits/revisionremoval.cpp" line="229"/>
        <source>%1: %2 %3 → %4</source>
        <translation>%1: %2 %3 → %4</translation>
    </message>
    <message>
        <location filename="../model/edits/revisionremoval.cpp" line="274"/>
        <source>Branch labels can move only when %1 is re-parented onto its one child.</source>
        <translation>Branch-Labels können nur verschoben werden, wenn die Kinder von %1 umgehängt werden und es genau ein Kind gibt.</translation>
    </message>
    <message>
        <location filename="../model/edits/revisionremoval.cpp" line="289"/>
        <source> They can move to %1 instead.</source>
        <translation> Sie können stattdessen nach %1 verschoben werden.</translation>
    </message>
    <message>
        <location filename="../model/edits/revisionremoval.cpp" line="292"/>
        <source>The branch labels %1 go away with %2: commands and depends_on that name them will fail.</source>
        <translation>Die Branch-Labels %1 verschwinden mit %2: Befehle und depends_on, die sie nennen, schlagen fehl.</translation>
    </message>
</context>
<context>
    <name>RevisionScript</name>
    <message>
        <location filename="../model/project/revisionscript.cpp" line="123"/>
        <source>revision = %1 is not a literal string and Retort could not work it out (%2). Write the id as revision = &apos;abc123&apos;.</source>
        <translation>revision = %1 ist keine literale Zeichenkette, und Retort konnte den Wert nicht ermitteln (%2). Schreiben Sie die ID als revision = &apos;abc123&apos;.</translation>
    </message>
    <message>
        <location filename="../model/project/revisionscript.cpp" line="129"/>
        <source>down_revision = %1 is not a literal and Retort could not work it out (%2), so it cannot tell this revision&apos;s parents. Write the parent ids out literally.</source>
        <translation>down_revision = %1 ist kein Literal, und Retort konnte den Wert nicht ermitteln (%2), daher kann es die Eltern dieser Revision nicht bestimmen. Geben Sie die IDs der Eltern als Literale an.</translation>
    </message>
    <message>
        <location filename="../model/project/revisionscript.cpp" line="133"/>
        <source>%1 = %2 is not a literal and Retort could not work it out (%3). The revision is shown without it, and anything that needs it is refused; write the value out literally, or let the project&apos;s Python evaluate it (Evaluate with Python in the window, --evaluate in retort-cli).</source>
        <translation>%1 = %2 ist kein Literal, und Retort konnte den Wert nicht ermitteln (%3). Die Revision wird ohne ihn angezeigt, und alles, was ihn benötigt, wird abgelehnt; geben Sie den Wert als Literal an, oder lassen Sie ihn vom Python des Projekts auswerten („Mit Python auswerten“ im Fenster, --evaluate in retort-cli).</translation>
    </message>
    <message>
        <location filename="../model/project/revisionscript.cpp" line="151"/>
        <source>revision = %1 is not a single string. Write the id as revision = &apos;abc123&apos;.</source>
        <translation>revision = %1 ist keine einzelne Zeichenkette. Schreiben Sie die ID als revision = &apos;abc123&apos;.</translation>
    </message>
    <message>
        <location filename="../model/project/revisionscript.cpp" line="191"/>
        <source>&apos;%1&apos; is a word alembic reserves for identifiers (base, head, heads), so it cannot be a revision id. Give the revision another id, e.g. the one in its file name.</source>
        <translation>&apos;%1&apos; ist ein Wort, das alembic für Bezeichner reserviert (base, head, heads), und kann daher keine Revisions-ID sein. Geben Sie der Revision eine andere ID, z. B. die aus ihrem Dateinamen.</translation>
    </message>
    <message>
        <location filename="../model/project/revisionscript.cpp" line="240"/>
        <source>Alembic cannot import this file until that is fixed.</source>
        <translation>Alembic kann diese Datei erst importieren, wenn das behoben ist.</translation>
    </message>
    <message>
        <location filename="../model/project/revisionscript.cpp" line="245"/>
        <source>The file is empty, so it declares no revision. Delete it or write the revision header into it.</source>
        <translation>Die Datei ist leer und deklariert daher keine Revision. Löschen Sie sie oder schreiben Sie den Revisionskopf hinein.</translation>
    </message>
    <message>
        <location filename="../model/project/revisionscript.cpp" line="168"/>
        <source>revision = &apos;&apos; is an empty revision id. Give the revision an id, e.g. the one in its file name.</source>
        <translation>revision = &apos;&apos; ist eine leere Revisions-ID. Geben Sie der Revision eine ID, z. B. die aus ihrem Dateinamen.</translation>
    </message>
    <message>
        <location filename="../model/project/revisionscript.cpp" line="180"/>
        <source>Could not determine revision id from filename %1. Be sure the &apos;revision&apos; variable is declared inside the script.</source>
        <translation>Die Revisions-ID konnte nicht aus dem Dateinamen %1 ermittelt werden. Stellen Sie sicher, dass die Variable &apos;revision&apos; im Skript deklariert ist.</translation>
    </message>
    <message>
        <location filename="../model/project/revisionscript.cpp" line="202"/>
        <source>Character(s) &apos;%1&apos; not allowed in revision identifier &apos;%2&apos;. Choose an id made of letters, digits and underscores.</source>
        <translation>Zeichen &apos;%1&apos; im Revisionsbezeichner &apos;%2&apos; nicht erlaubt. Wählen Sie eine ID aus Buchstaben, Ziffern und Unterstrichen.</translation>
    </message>
    <message>
        <location filename="../model/project/revisionscript.cpp" line="211"/>
        <source>The file has no down_revision variable, which alembic requires. Add down_revision = None for a base, or the parent revision id.</source>
        <translation>Der Datei fehlt die Variable down_revision, die alembic voraussetzt. Ergänzen Sie down_revision = None für eine Basisrevision oder die ID der Elternrevision.</translation>
    </message>
    <message>
        <location filename="../model/project/revisionscript.cpp" line="292"/>
        <source>(set by module-level code)</source>
        <translation>(durch Code auf Modulebene gesetzt)</translation>
    </message>
    <message>
        <location filename="../model/project/revisionscript.cpp" line="325"/>
        <source>The file name starts with %1 but the file declares revision %2. Rename the file or check that it was not copied without updating its header.</source>
        <translation>Der Dateiname beginnt mit %1, aber die Datei deklariert Revision %2. Benennen Sie die Datei um oder prüfen Sie, ob sie kopiert wurde, ohne ihren Kopf anzupassen.</translation>
    </message>
</context>
<context>
    <name>SchemaChanges</name>
    <message>
        <location filename="../model/schema/schemachanges.cpp" line="57"/>
        <source>%1 has no file: its changes are unknown.</source>
        <translation>%1 hat keine Datei: Ihre Änderungen sind unbekannt.</translation>
    </message>
</context>
<context>
    <name>SchemaCommands</name>
    <message>
        <location filename="../app/cli/schemacommands.cpp" line="116"/>
        <source>Unknown dialect &apos;%1&apos;: use sqlite, postgresql or mysql.</source>
        <translation>Unbekannter Dialekt &apos;%1&apos;: Verwenden Sie sqlite, postgresql oder mysql.</translation>
    </message>
    <message>
        <location filename="../app/cli/schemacommands.cpp" line="128"/>
        <source>changes needs one revision, or a range START:END.</source>
        <translation>changes benötigt eine Revision oder einen Bereich START:END.</translation>
    </message>
    <message>
        <location filename="../app/cli/schemacommands.cpp" line="130"/>
        <source>The history has errors (see retort-cli check); the schemas cannot be worked out.</source>
        <translation>Der Verlauf enthält Fehler (siehe retort-cli check); die Schemas können nicht ermittelt werden.</translation>
    </message>
    <message>
        <location filename="../app/cli/schemacommands.cpp" line="152"/>
        <source>Schema changes from %1 to %2 (%3):</source>
        <translation>Schemaänderungen von %1 bis %2 (%3):</translation>
    </message>
    <message>
        <location filename="../app/cli/schemacommands.cpp" line="160"/>
        <source>&apos;%1&apos; is not one revision.</source>
        <translation>&apos;%1&apos; ist nicht genau eine Revision.</translation>
    </message>
    <message>
        <location filename="../app/cli/schemacommands.cpp" line="162"/>
        <source>Schema changes of %1 (%2):</source>
        <translation>Schemaänderungen von %1 (%2):</translation>
    </message>
    <message>
        <location filename="../app/cli/schemacommands.cpp" line="173"/>
        <source>no schema changes</source>
        <translation>keine Schemaänderungen</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/cli/schemacommands.cpp" line="188"/>
        <source>Schema of %1 (%2): %n table(s)</source>
        <translation>
            <numerusform>Schema von %1 (%2): %n Tabelle</numerusform>
            <numerusform>Schema von %1 (%2): %n Tabellen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/cli/schemacommands.cpp" line="209"/>
        <source>Comparing with the models runs the project&apos;s env.py through alembic, which needs its alembic.ini, and this project was opened without one; open it with -c path/to/alembic.ini.</source>
        <translation>Der Vergleich mit den Modellen führt die env.py des Projekts über alembic aus, wofür die alembic.ini benötigt wird, dieses Projekt wurde aber ohne sie geöffnet; öffnen Sie es mit -c path/to/alembic.ini.</translation>
    </message>
    <message>
        <location filename="../app/cli/schemacommands.cpp" line="231"/>
        <source>This is a Flask-Migrate project (its env.py uses Flask&apos;s current_app), so its models are compared inside the Flask app, and FLASK_APP does not say which app that is: export FLASK_APP=module:app (or FLASK_APP=module), or add it to the environment&apos;s variables.</source>
        <translation>Dies ist ein Flask-Migrate-Projekt (seine env.py verwendet Flasks current_app), daher werden seine Modelle in der Flask-App verglichen, und FLASK_APP sagt nicht, welche App das ist: Exportieren Sie FLASK_APP=module:app (oder FLASK_APP=module), oder fügen Sie es den Variablen der Umgebung hinzu.</translation>
    </message>
    <message>
        <location filename="../app/cli/schemacommands.cpp" line="243"/>
        <source>(retort-cli upgrade heads, or retort-cli diff --against stamped)</source>
        <translation>(retort-cli upgrade heads oder retort-cli diff --against stamped)</translation>
    </message>
    <message>
        <location filename="../app/cli/schemacommands.cpp" line="265"/>
        <source>The history has errors (see retort-cli check); the expected schema cannot be worked out.</source>
        <translation>Der Verlauf enthält Fehler (siehe retort-cli check); das erwartete Schema kann nicht ermittelt werden.</translation>
    </message>
    <message>
        <location filename="../app/cli/schemacommands.cpp" line="301"/>
        <source>The history has errors (see retort-cli check); the expected schemas cannot be worked out.</source>
        <translation>Der Verlauf enthält Fehler (siehe retort-cli check); die erwarteten Schemas können nicht ermittelt werden.</translation>
    </message>
    <message>
        <location filename="../app/cli/schemacommands.cpp" line="316"/>
        <source>&lt;base&gt; (empty schema)</source>
        <translation>&lt;base&gt; (leeres Schema)</translation>
    </message>
    <message>
        <location filename="../app/cli/schemacommands.cpp" line="318"/>
        <source>Revisions closest to the schema of %1 (stamped: %2):</source>
        <translation>Revisionen, die dem Schema von %1 am nächsten kommen (gestempelt: %2):</translation>
    </message>
    <message>
        <location filename="../app/cli/schemacommands.cpp" line="319"/>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <location filename="../app/cli/schemacommands.cpp" line="324"/>
        <source>same schema</source>
        <translation>gleiches Schema</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/cli/schemacommands.cpp" line="325"/>
        <source>%n difference(s)</source>
        <translation>
            <numerusform>%n Unterschied</numerusform>
            <numerusform>%n Unterschiede</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/cli/schemacommands.cpp" line="326"/>
        <source>, distance %1</source>
        <translation>, Abstand %1</translation>
    </message>
    <message>
        <location filename="../app/cli/schemacommands.cpp" line="328"/>
        <source>, approximate</source>
        <translation>, näherungsweise</translation>
    </message>
    <message>
        <location filename="../app/cli/schemacommands.cpp" line="330"/>
        <source>, stamped now</source>
        <translation>, derzeit gestempelt</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/cli/schemacommands.cpp" line="334"/>
        <source>… %n more (-v shows all)</source>
        <translation>
            <numerusform>… %n weitere (-v zeigt alle)</numerusform>
            <numerusform>… %n weitere (-v zeigt alle)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/cli/schemacommands.cpp" line="341"/>
        <source>No revision gives exactly this schema; `retort-cli diff --against %1` shows what differs.</source>
        <translation>Keine Revision ergibt genau dieses Schema; `retort-cli diff --against %1` zeigt, was sich unterscheidet.</translation>
    </message>
    <message>
        <location filename="../app/cli/schemacommands.cpp" line="345"/>
        <source>The database matches its stamped revisions.</source>
        <translation>Die Datenbank entspricht ihren gestempelten Revisionen.</translation>
    </message>
    <message>
        <location filename="../app/cli/schemacommands.cpp" line="351"/>
        <source>To record where the database really is: retort-cli stamp --purge %1</source>
        <translation>Um festzuhalten, wo die Datenbank wirklich steht: retort-cli stamp --purge %1</translation>
    </message>
    <message>
        <location filename="../app/cli/schemacommands.cpp" line="355"/>
        <source>then bring it up to date: retort-cli upgrade heads</source>
        <translation>dann auf den neuesten Stand bringen: retort-cli upgrade heads</translation>
    </message>
</context>
<context>
    <name>SchemaDialog</name>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="85"/>
        <source>info</source>
        <translation>Info</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="87"/>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="91"/>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="123"/>
        <source>(unnamed)</source>
        <translation>(unbenannt)</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="147"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="148"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Neu einlesen</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="152"/>
        <source>Compare Schema</source>
        <translation>Schema vergleichen</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="161"/>
        <source>Stop waiting: the answer of the reading still running is dropped</source>
        <translation>Nicht mehr warten: Die Antwort des noch laufenden Lesevorgangs wird verworfen</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="164"/>
        <source>Read the database&apos;s schema and version table again</source>
        <translation>Schema und Versionstabelle der Datenbank neu einlesen</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="171"/>
        <source>&amp;Live Schema</source>
        <translation>&amp;Live-Schema</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="172"/>
        <location filename="../widgets/schemadialog.cpp" line="649"/>
        <location filename="../widgets/schemadialog.cpp" line="694"/>
        <source>&amp;Drift</source>
        <translation>&amp;Abweichungen</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="173"/>
        <source>&amp;Matching Revision</source>
        <translation>&amp;Passende Revision</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="212"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="212"/>
        <source>Definition</source>
        <translation>Definition</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="232"/>
        <source>Filter by table, column or text</source>
        <translation>Nach Tabelle, Spalte oder Text filtern</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="234"/>
        <source>&amp;Copy as Text</source>
        <translation>Als &amp;Text kopieren</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="236"/>
        <source>Copy the differences as retort-cli diff prints them</source>
        <translation>Die Unterschiede so kopieren, wie retort-cli diff sie ausgibt</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="245"/>
        <source>Difference</source>
        <translation>Unterschied</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="245"/>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="258"/>
        <source>Compare with:</source>
        <translation>Vergleichen mit:</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="277"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="277"/>
        <source>Revision</source>
        <translation>Revision</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="277"/>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="277"/>
        <source>Distance</source>
        <translation>Abstand</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="247"/>
        <location filename="../widgets/schemadialog.cpp" line="277"/>
        <source>Differences</source>
        <translation>Unterschiede</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="170"/>
        <source>Schema views</source>
        <translation>Schemaansichten</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="214"/>
        <source>Live schema</source>
        <translation>Live-Schema</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="226"/>
        <source>Compare with</source>
        <translation>Vergleichen mit</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="231"/>
        <source>Filter the differences</source>
        <translation>Abweichungen filtern</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="277"/>
        <source>Replay</source>
        <translation>Nachspielen</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="279"/>
        <source>Revisions by match</source>
        <translation>Revisionen nach Übereinstimmung</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="284"/>
        <source>&amp;Stamp Here…</source>
        <translation>Version hier &amp;setzen (stamp)…</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="286"/>
        <location filename="../widgets/schemadialog.cpp" line="895"/>
        <source>Preview a stamp of the database at the selected revision: no migration runs</source>
        <translation>Vorschau auf das Setzen der Version der Datenbank auf die ausgewählte Revision (stamp): Es läuft keine Migration</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="287"/>
        <source>Show &amp;Differences</source>
        <translation>&amp;Unterschiede anzeigen</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="289"/>
        <source>Compare the database with the selected revision in the Drift tab</source>
        <translation>Die Datenbank im Reiter „Abweichungen“ mit der ausgewählten Revision vergleichen</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="290"/>
        <source>&amp;Upgrade to Heads…</source>
        <translation>Bis zu den Heads a&amp;ktualisieren (upgrade)…</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="292"/>
        <location filename="../widgets/schemadialog.cpp" line="897"/>
        <source>Preview, then run alembic upgrade heads on this environment</source>
        <translation>Vorschau, dann alembic upgrade heads für diese Umgebung ausführen</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="338"/>
        <source>No environment</source>
        <translation>Keine Umgebung</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="339"/>
        <source>Open a project and choose an environment to compare its schema.</source>
        <translation>Öffnen Sie ein Projekt und wählen Sie eine Umgebung, um ihr Schema zu vergleichen.</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="346"/>
        <source>Compare Schema — %1</source>
        <translation>Schema vergleichen — %1</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="348"/>
        <location filename="../widgets/schemadialog.cpp" line="406"/>
        <source>&lt;b&gt;%1&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="353"/>
        <source>no password was given.</source>
        <translation>Es wurde kein Passwort angegeben.</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="355"/>
        <source>The schema of %1 was not read: %2</source>
        <translation>Das Schema von %1 wurde nicht gelesen: %2</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="390"/>
        <source>Cancelled: the schema shown, if any, is from an earlier reading.</source>
        <translation>Abgebrochen: Ein gegebenenfalls angezeigtes Schema stammt aus einem früheren Lesevorgang.</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="391"/>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="407"/>
        <source>The schema of %1 could not be read: %2</source>
        <translation>Das Schema von %1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="419"/>
        <source>&lt;b&gt;%1&lt;/b&gt; — %2 (%3), stamped at %4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — %2 (%3), gestempelt auf %4</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="422"/>
        <location filename="../widgets/schemadialog.cpp" line="508"/>
        <location filename="../widgets/schemadialog.cpp" line="794"/>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="425"/>
        <source>The database has no version table %1: alembic never stamped it, so it is compared with the empty schema before any revision.</source>
        <translation>Die Datenbank hat keine Versionstabelle %1: alembic hat sie nie gestempelt, daher wird sie mit dem leeren Schema vor jeder Revision verglichen.</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="435"/>
        <source>The history has errors (see the Problems panel): the schema the migrations give cannot be worked out.</source>
        <translation>Der Verlauf enthält Fehler (siehe Bereich „Probleme“): Das Schema, das die Migrationen ergeben, kann nicht ermittelt werden.</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/schemadialog.cpp" line="460"/>
        <source>%n column(s)</source>
        <translation>
            <numerusform>%n Spalte</numerusform>
            <numerusform>%n Spalten</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="482"/>
        <source>Enum types</source>
        <translation>Enum-Typen</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/schemadialog.cpp" line="482"/>
        <source>%n type(s)</source>
        <translation>
            <numerusform>%n Typ</numerusform>
            <numerusform>%n Typen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="490"/>
        <source>Views</source>
        <translation>Sichten</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/schemadialog.cpp" line="490"/>
        <source>%n view(s)</source>
        <translation>
            <numerusform>%n Sicht</numerusform>
            <numerusform>%n Sichten</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="499"/>
        <source>The database has no tables (besides the version table).</source>
        <translation>Die Datenbank hat (außer der Versionstabelle) keine Tabellen.</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/schemadialog.cpp" line="500"/>
        <source>%n table(s), read from the database&apos;s catalog.</source>
        <translation>
            <numerusform>%n Tabelle, aus dem Katalog der Datenbank gelesen.</numerusform>
            <numerusform>%n Tabellen, aus dem Katalog der Datenbank gelesen.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="508"/>
        <source>The stamped revision (%1)</source>
        <translation>Die gestempelte Revision (%1)</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="510"/>
        <source>The models (env.py&apos;s target_metadata, compared by alembic)</source>
        <translation>Die Modelle (target_metadata in env.py, von alembic verglichen)</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="512"/>
        <source>What alembic check finds: runs env.py in the project&apos;s Python, reads the database and writes nothing</source>
        <translation>Was alembic check findet: führt env.py im Python des Projekts aus, liest die Datenbank und schreibt nichts</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="515"/>
        <location filename="../widgets/schemadialog.cpp" line="783"/>
        <source>&lt;base&gt; (empty schema)</source>
        <translation>&lt;base&gt; (leeres Schema)</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="598"/>
        <source>Comparing with the models runs the project&apos;s env.py through alembic, which needs its alembic.ini, and this project was opened without one: open its alembic.ini.</source>
        <translation>Der Vergleich mit den Modellen führt env.py des Projekts über alembic aus, das dafür seine alembic.ini braucht, und dieses Projekt wurde ohne sie geöffnet: Öffnen Sie seine alembic.ini.</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="605"/>
        <source>Not compared: %1</source>
        <translation>Nicht verglichen: %1</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="632"/>
        <source>Upgrade to Heads (in the Matching Revision tab) brings it up to date; or compare with the stamped revision.</source>
        <translation>„Upgrade auf die Heads“ (im Reiter „Passende Revision“) bringt sie auf den neuesten Stand; oder vergleichen Sie mit der gestempelten Revision.</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="661"/>
        <source>(schema)</source>
        <translation>(Schema)</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="669"/>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="670"/>
        <source>Expected: %1
Actual: %2</source>
        <translation>Erwartet: %1
Tatsächlich: %2</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="675"/>
        <source>alembic %1 in %2</source>
        <translation>alembic %1 in %2</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="677"/>
        <source>No differences: the database has the schema of the models (env.py&apos;s target_metadata), as %1 compares them.</source>
        <translation>Keine Unterschiede: Die Datenbank hat das Schema der Modelle (target_metadata in env.py), wie %1 sie vergleicht.</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/schemadialog.cpp" line="680"/>
        <source>%n difference(s) between the database and the models (env.py&apos;s target_metadata), as %1 finds them; alembic revision --autogenerate would write them into a new revision.</source>
        <translation>
            <numerusform>%n Unterschied zwischen der Datenbank und den Modellen (target_metadata in env.py), wie %1 ihn findet; alembic revision --autogenerate würde ihn in eine neue Revision schreiben.</numerusform>
            <numerusform>%n Unterschiede zwischen der Datenbank und den Modellen (target_metadata in env.py), wie %1 sie findet; alembic revision --autogenerate würde sie in eine neue Revision schreiben.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="687"/>
        <source>No differences: the database has the schema the migrations give at %1.</source>
        <translation>Keine Unterschiede: Die Datenbank hat das Schema, das die Migrationen bei %1 ergeben.</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/schemadialog.cpp" line="691"/>
        <source>%n difference(s) from the schema the migrations give at %1.</source>
        <translation>
            <numerusform>%n Unterschied zum Schema, das die Migrationen bei %1 ergeben.</numerusform>
            <numerusform>%n Unterschiede zum Schema, das die Migrationen bei %1 ergeben.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/schemadialog.cpp" line="694"/>
        <source>&amp;Drift (%n)</source>
        <translation>
            <numerusform>&amp;Abweichungen (%n)</numerusform>
            <numerusform>&amp;Abweichungen (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/schemadialog.cpp" line="698"/>
        <source>Approximate: %n statement(s) of the migrations could not be followed; the expected schema after them may be wrong:</source>
        <translation>
            <numerusform>Näherungsweise: %n Anweisung der Migrationen konnte nicht nachvollzogen werden; das erwartete Schema danach kann falsch sein:</numerusform>
            <numerusform>Näherungsweise: %n Anweisungen der Migrationen konnten nicht nachvollzogen werden; das erwartete Schema danach kann falsch sein:</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="705"/>
        <source>%1:%2 (%3): %4</source>
        <translation>%1:%2 (%3): %4</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/schemadialog.cpp" line="712"/>
        <source>… and %n more (see the tooltip)</source>
        <translation>
            <numerusform>… und %n weitere (siehe Tooltip)</numerusform>
            <numerusform>… und %n weitere (siehe Tooltip)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="727"/>
        <location filename="../widgets/schemadialog.cpp" line="876"/>
        <source>Comparing every revision&apos;s schema with the database…</source>
        <translation>Das Schema jeder Revision wird mit der Datenbank verglichen…</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="755"/>
        <source>&lt;base&gt;</source>
        <translation>&lt;base&gt;</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="756"/>
        <source>(empty schema)</source>
        <translation>(leeres Schema)</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/schemadialog.cpp" line="758"/>
        <source>(%n revisions together)</source>
        <translation>
            <numerusform>(%n Revision zusammen)</numerusform>
            <numerusform>(%n Revisionen zusammen)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="760"/>
        <source>[stamped now] </source>
        <translation>[derzeit gestempelt] </translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="763"/>
        <source>same schema</source>
        <translation>gleiches Schema</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="764"/>
        <source>approximate</source>
        <translation>näherungsweise</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="764"/>
        <location filename="../widgets/schemadialog.cpp" line="847"/>
        <source>exact</source>
        <translation>exakt</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="769"/>
        <source>The replay up to this revision met statements it could not follow.</source>
        <translation>Beim Nachspielen bis zu dieser Revision traten Anweisungen auf, denen Retort nicht folgen konnte.</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="779"/>
        <source>The project has no revisions to compare with.</source>
        <translation>Das Projekt hat keine Revisionen zum Vergleichen.</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/schemadialog.cpp" line="785"/>
        <source>No revision gives exactly this schema; the closest is %1 (%n difference(s)).</source>
        <translation>
            <numerusform>Keine Revision ergibt genau dieses Schema; am nächsten kommt %1 (%n Unterschied).</numerusform>
            <numerusform>Keine Revision ergibt genau dieses Schema; am nächsten kommt %1 (%n Unterschiede).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="789"/>
        <source>Show Differences compares the database with the selected revision.</source>
        <translation>„Unterschiede anzeigen“ vergleicht die Datenbank mit der ausgewählten Revision.</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="791"/>
        <source>The database matches its stamped revision.</source>
        <translation>Die Datenbank entspricht ihrer gestempelten Revision.</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="793"/>
        <source>The database has the schema of %1 but is stamped at %2.</source>
        <translation>Die Datenbank hat das Schema von %1, ist aber auf %2 gestempelt.</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="796"/>
        <source>To record where the database really is, stamp it at %1; then bring it up to date with Upgrade to Heads.</source>
        <translation>Um festzuhalten, wo die Datenbank wirklich steht, setzen Sie ihre Version auf %1 (stamp); bringen Sie sie dann mit „Bis zu den Heads aktualisieren“ auf den neuesten Stand.</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="801"/>
        <source>(The replay is approximate: some statements could not be followed.)</source>
        <translation>(Das Nachspielen ist näherungsweise: Einigen Anweisungen konnte nicht gefolgt werden.)</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="804"/>
        <source>Stamped. The migrations after the stamped revision have not run on this database: upgrade it to the heads to bring it up to date.</source>
        <translation>Version gesetzt. Die Migrationen nach der gestempelten Revision sind auf dieser Datenbank nicht gelaufen: Aktualisieren Sie sie bis zu den Heads (upgrade), um sie auf den neuesten Stand zu bringen.</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="874"/>
        <source>Reading the schema of %1…</source>
        <translation>Das Schema von %1 wird gelesen…</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="878"/>
        <source>alembic is comparing the database with the models…</source>
        <translation>alembic vergleicht die Datenbank mit den Modellen…</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="880"/>
        <source>Working out the expected schema…</source>
        <translation>Das erwartete Schema wird ermittelt…</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="894"/>
        <source>%1 is no longer the active environment: make it active to stamp or upgrade it.</source>
        <translation>%1 ist nicht mehr die aktive Umgebung: Machen Sie sie zur aktiven Umgebung, um ihre Version zu setzen oder sie zu aktualisieren.</translation>
    </message>
</context>
<context>
    <name>SchemaDiff</name>
    <message>
        <location filename="../model/schema/schemadiff.cpp" line="804"/>
        <source>table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <location filename="../model/schema/schemadiff.cpp" line="806"/>
        <source>column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <location filename="../model/schema/schemadiff.cpp" line="808"/>
        <source>primary key</source>
        <translation>Primärschlüssel</translation>
    </message>
    <message>
        <location filename="../model/schema/schemadiff.cpp" line="810"/>
        <source>index</source>
        <translation>Index</translation>
    </message>
    <message>
        <location filename="../model/schema/schemadiff.cpp" line="812"/>
        <source>unique constraint</source>
        <translation>Eindeutigkeitsbedingung</translation>
    </message>
    <message>
        <location filename="../model/schema/schemadiff.cpp" line="814"/>
        <source>check constraint</source>
        <translation>Prüfbedingung</translation>
    </message>
    <message>
        <location filename="../model/schema/schemadiff.cpp" line="816"/>
        <source>foreign key</source>
        <translation>Fremdschlüssel</translation>
    </message>
    <message>
        <location filename="../model/schema/schemadiff.cpp" line="818"/>
        <source>enum type</source>
        <translation>Enum-Typ</translation>
    </message>
    <message>
        <location filename="../model/schema/schemadiff.cpp" line="820"/>
        <source>view</source>
        <translation>Sicht</translation>
    </message>
    <message>
        <location filename="../model/schema/schemadiff.cpp" line="827"/>
        <source>type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../model/schema/schemadiff.cpp" line="829"/>
        <source>nullable</source>
        <translation>nullable</translation>
    </message>
    <message>
        <location filename="../model/schema/schemadiff.cpp" line="831"/>
        <source>default</source>
        <translation>Vorgabewert</translation>
    </message>
    <message>
        <location filename="../model/schema/schemadiff.cpp" line="833"/>
        <source>autoincrement</source>
        <translation>autoincrement</translation>
    </message>
    <message>
        <location filename="../model/schema/schemadiff.cpp" line="835"/>
        <source>columns</source>
        <translation>Spalten</translation>
    </message>
    <message>
        <location filename="../model/schema/schemadiff.cpp" line="837"/>
        <source>unique</source>
        <translation>eindeutig</translation>
    </message>
    <message>
        <location filename="../model/schema/schemadiff.cpp" line="839"/>
        <source>where</source>
        <translation>where</translation>
    </message>
    <message>
        <location filename="../model/schema/schemadiff.cpp" line="841"/>
        <source>referred table</source>
        <translation>referenzierte Tabelle</translation>
    </message>
    <message>
        <location filename="../model/schema/schemadiff.cpp" line="843"/>
        <source>on delete</source>
        <translation>on delete</translation>
    </message>
    <message>
        <location filename="../model/schema/schemadiff.cpp" line="845"/>
        <source>on update</source>
        <translation>on update</translation>
    </message>
    <message>
        <location filename="../model/schema/schemadiff.cpp" line="847"/>
        <source>condition</source>
        <translation>Bedingung</translation>
    </message>
    <message>
        <location filename="../model/schema/schemadiff.cpp" line="849"/>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../model/schema/schemadiff.cpp" line="851"/>
        <source>values</source>
        <translation>Werte</translation>
    </message>
    <message>
        <location filename="../model/schema/schemadiff.cpp" line="867"/>
        <source>%1 on %2</source>
        <comment>an index or constraint (1) on a table (2)</comment>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <location filename="../model/schema/schemadiff.cpp" line="880"/>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
</context>
<context>
    <name>SchemaInspector</name>
    <message>
        <location filename="../model/schema/schemainspector.cpp" line="454"/>
        <source>Cannot read the schema of %1: %2</source>
        <translation>Das Schema von %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location filename="../model/schema/schemainspector.cpp" line="802"/>
        <source>the server does not say which schema is the current one</source>
        <translation>der Server gibt nicht an, welches Schema das aktuelle ist</translation>
    </message>
    <message>
        <location filename="../model/schema/schemainspector.cpp" line="1109"/>
        <source>the server does not say which database is the current one</source>
        <translation>der Server gibt nicht an, welche Datenbank die aktuelle ist</translation>
    </message>
    <message>
        <location filename="../model/schema/schemainspector.cpp" line="1116"/>
        <source>the URL names no database</source>
        <translation>die URL nennt keine Datenbank</translation>
    </message>
    <message>
        <location filename="../model/schema/schemainspector.cpp" line="1304"/>
        <source>the connection is not open</source>
        <translation>die Verbindung ist nicht geöffnet</translation>
    </message>
</context>
<context>
    <name>SchemaReplay</name>
    <message>
        <location filename="../model/schema/schemareplay.cpp" line="174"/>
        <source>a &apos;with&apos; block Retort does not know; its operations are applied as written</source>
        <translation>ein &apos;with&apos;-Block, den Retort nicht kennt; seine Operationen werden so angewendet, wie sie dastehen</translation>
    </message>
    <message>
        <location filename="../model/schema/schemareplay.cpp" line="179"/>
        <source>&apos;%1&apos; decides at run time what happens; the operations inside are not applied</source>
        <translation>&apos;%1&apos; entscheidet zur Laufzeit, was geschieht; die Operationen darin werden nicht angewendet</translation>
    </message>
    <message>
        <location filename="../model/schema/schemareplay.cpp" line="186"/>
        <source>a statement Retort does not interpret</source>
        <translation>eine Anweisung, die Retort nicht interpretiert</translation>
    </message>
    <message>
        <location filename="../model/schema/schemareplay.cpp" line="203"/>
        <source>the table of this batch is not a plain string; its operations are not applied</source>
        <translation>die Tabelle dieses Batches ist keine einfache Zeichenkette; seine Operationen werden nicht angewendet</translation>
    </message>
    <message>
        <location filename="../model/schema/schemareplay.cpp" line="242"/>
        <source>a call Retort cannot follow; any schema change it makes is missing</source>
        <translation>ein Aufruf, dem Retort nicht folgen kann; jede Schemaänderung, die er vornimmt, fehlt</translation>
    </message>
    <message>
        <location filename="../model/schema/schemareplay.cpp" line="247"/>
        <source>arguments passed with * or ** cannot be read; the operation is not applied</source>
        <translation>mit * oder ** übergebene Argumente können nicht gelesen werden; die Operation wird nicht angewendet</translation>
    </message>
    <message>
        <location filename="../model/schema/schemareplay.cpp" line="275"/>
        <source>SQL run by op.execute() is not interpreted; the schema after it may differ</source>
        <translation>von op.execute() ausgeführtes SQL wird nicht interpretiert; das Schema danach kann abweichen</translation>
    </message>
    <message>
        <location filename="../model/schema/schemareplay.cpp" line="277"/>
        <source>the operation &apos;%1&apos; is not one Retort replays</source>
        <translation>die Operation &apos;%1&apos; gehört nicht zu denen, die Retort nachspielt</translation>
    </message>
    <message>
        <location filename="../model/schema/schemareplay.cpp" line="300"/>
        <source>the table name is not a plain string; the operation is not applied</source>
        <translation>der Tabellenname ist keine einfache Zeichenkette; die Operation wird nicht angewendet</translation>
    </message>
    <message>
        <location filename="../model/schema/schemareplay.cpp" line="306"/>
        <source>the table &apos;%1&apos; does not exist at this point of the history; the operation is not applied</source>
        <translation>die Tabelle &apos;%1&apos; existiert an dieser Stelle des Verlaufs nicht; die Operation wird nicht angewendet</translation>
    </message>
    <message>
        <location filename="../model/schema/schemareplay.cpp" line="397"/>
        <source>not a sa.Column(…) Retort can read; the column is missing</source>
        <translation>kein sa.Column(…), das Retort lesen kann; die Spalte fehlt</translation>
    </message>
    <message>
        <location filename="../model/schema/schemareplay.cpp" line="405"/>
        <source>the column has no name Retort can read; it is missing</source>
        <translation>die Spalte hat keinen Namen, den Retort lesen kann; sie fehlt</translation>
    </message>
    <message>
        <location filename="../model/schema/schemareplay.cpp" line="420"/>
        <source>the foreign key&apos;s target is not a &apos;table.column&apos; string; it is missing</source>
        <translation>das Ziel des Fremdschlüssels ist keine Zeichenkette der Form &apos;table.column&apos;; er fehlt</translation>
    </message>
    <message>
        <location filename="../model/schema/schemareplay.cpp" line="428"/>
        <source>&apos;%1&apos; on a column is not compared</source>
        <translation>&apos;%1&apos; an einer Spalte wird nicht verglichen</translation>
    </message>
    <message>
        <location filename="../model/schema/schemareplay.cpp" line="439"/>
        <source>the column &apos;%1&apos; has no type</source>
        <translation>die Spalte &apos;%1&apos; hat keinen Typ</translation>
    </message>
    <message>
        <location filename="../model/schema/schemareplay.cpp" line="454"/>
        <location filename="../model/schema/schemareplay.cpp" line="772"/>
        <source>a server default Retort cannot render; compared as written</source>
        <translation>ein Server-Vorgabewert, den Retort nicht darstellen kann; er wird so verglichen, wie er dasteht</translation>
    </message>
    <message>
        <location filename="../model/schema/schemareplay.cpp" line="459"/>
        <source>the table &apos;%1&apos; already has a column &apos;%2&apos;</source>
        <translation>die Tabelle &apos;%1&apos; hat bereits eine Spalte &apos;%2&apos;</translation>
    </message>
    <message>
        <location filename="../model/schema/schemareplay.cpp" line="544"/>
        <source>an index on expressions is compared by its text</source>
        <translation>ein Index auf Ausdrücken wird anhand seines Textes verglichen</translation>
    </message>
    <message>
        <location filename="../model/schema/schemareplay.cpp" line="548"/>
        <source>&apos;%1&apos; is not something Retort reads in create_table; it is missing</source>
        <translation>&apos;%1&apos; gehört nicht zu dem, was Retort in create_table liest; es fehlt</translation>
    </message>
    <message>
        <location filename="../model/schema/schemareplay.cpp" line="630"/>
        <source>the table name is not a plain string; the table is missing</source>
        <translation>der Tabellenname ist keine einfache Zeichenkette; die Tabelle fehlt</translation>
    </message>
    <message>
        <location filename="../model/schema/schemareplay.cpp" line="634"/>
        <source>the table &apos;%1&apos; exists already at this point of the history</source>
        <translation>die Tabelle &apos;%1&apos; existiert an dieser Stelle des Verlaufs bereits</translation>
    </message>
    <message>
        <location filename="../model/schema/schemareplay.cpp" line="678"/>
        <source>the new table name is not a plain string; the table keeps its name</source>
        <translation>der neue Tabellenname ist keine einfache Zeichenkette; die Tabelle behält ihren Namen</translation>
    </message>
    <message>
        <location filename="../model/schema/schemareplay.cpp" line="700"/>
        <source>add_column() without a column</source>
        <translation>add_column() ohne Spalte</translation>
    </message>
    <message>
        <location filename="../model/schema/schemareplay.cpp" line="716"/>
        <source>the column to drop is not a column of &apos;%1&apos; at this point</source>
        <translation>die zu entfernende Spalte ist an dieser Stelle keine Spalte von &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../model/schema/schemareplay.cpp" line="757"/>
        <source>the column to alter is not a column of &apos;%1&apos; at this point</source>
        <translation>die zu ändernde Spalte ist an dieser Stelle keine Spalte von &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../model/schema/schemareplay.cpp" line="763"/>
        <source>nullable is not True or False; left as it was</source>
        <translation>nullable ist weder True noch False; bleibt unverändert</translation>
    </message>
    <message>
        <location filename="../model/schema/schemareplay.cpp" line="782"/>
        <source>the new column name is not a plain string; the column keeps its name</source>
        <translation>der neue Spaltenname ist keine einfache Zeichenkette; die Spalte behält ihren Namen</translation>
    </message>
    <message>
        <location filename="../model/schema/schemareplay.cpp" line="818"/>
        <source>the index has no name or columns Retort can read; it is missing</source>
        <translation>der Index hat keinen Namen oder keine Spalten, die Retort lesen kann; er fehlt</translation>
    </message>
    <message>
        <location filename="../model/schema/schemareplay.cpp" line="864"/>
        <source>no index &apos;%1&apos; exists at this point of the history</source>
        <translation>an dieser Stelle des Verlaufs existiert kein Index &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../model/schema/schemareplay.cpp" line="877"/>
        <source>the constraint&apos;s columns are not plain strings; it is missing</source>
        <translation>die Spalten der Bedingung sind keine einfachen Zeichenketten; sie fehlt</translation>
    </message>
    <message>
        <location filename="../model/schema/schemareplay.cpp" line="904"/>
        <source>the foreign key&apos;s tables or columns are not plain strings; it is missing</source>
        <translation>die Tabellen oder Spalten des Fremdschlüssels sind keine einfachen Zeichenketten; er fehlt</translation>
    </message>
    <message>
        <location filename="../model/schema/schemareplay.cpp" line="921"/>
        <source>the primary key&apos;s columns are not plain strings; it is missing</source>
        <translation>die Spalten des Primärschlüssels sind keine einfachen Zeichenketten; er fehlt</translation>
    </message>
    <message>
        <location filename="../model/schema/schemareplay.cpp" line="944"/>
        <source>the check condition is not SQL text; the constraint is compared by name</source>
        <translation>die Prüfbedingung ist kein SQL-Text; die Bedingung wird anhand ihres Namens verglichen</translation>
    </message>
    <message>
        <location filename="../model/schema/schemareplay.cpp" line="975"/>
        <source>no constraint &apos;%1&apos; on &apos;%2&apos; at this point of the history</source>
        <translation>an dieser Stelle des Verlaufs gibt es keine Bedingung &apos;%1&apos; auf &apos;%2&apos;</translation>
    </message>
    <message>
        <location filename="../model/schema/sqlalchemytype.cpp" line="62"/>
        <source>the type &apos;%1&apos; is not a SQLAlchemy type Retort can read</source>
        <translation>der Typ &apos;%1&apos; ist kein SQLAlchemy-Typ, den Retort lesen kann</translation>
    </message>
    <message>
        <location filename="../model/schema/sqlalchemytype.cpp" line="74"/>
        <source>the ARRAY type &apos;%1&apos; names no item type</source>
        <translation>der ARRAY-Typ &apos;%1&apos; nennt keinen Elementtyp</translation>
    </message>
    <message>
        <location filename="../model/schema/sqlalchemytype.cpp" line="84"/>
        <source>the type &apos;%1&apos; is not one Retort knows; it is compared by its name</source>
        <translation>der Typ &apos;%1&apos; ist Retort nicht bekannt; er wird anhand seines Namens verglichen</translation>
    </message>
    <message>
        <location filename="../model/schema/sqlalchemytype.cpp" line="179"/>
        <source>the values of the enum &apos;%1&apos; are not written out; it is compared by name</source>
        <translation>die Werte des Enums &apos;%1&apos; sind nicht ausgeschrieben; es wird anhand seines Namens verglichen</translation>
    </message>
</context>
<context>
    <name>SchemaReport</name>
    <message>
        <location filename="../model/schema/schemareport.cpp" line="31"/>
        <source>(schema)</source>
        <translation>(Schema)</translation>
    </message>
    <message>
        <location filename="../model/schema/schemareport.cpp" line="40"/>
        <source>No differences.</source>
        <translation>Keine Unterschiede.</translation>
    </message>
    <message numerus="yes">
        <location filename="../model/schema/schemareport.cpp" line="41"/>
        <source>%n difference(s).</source>
        <translation>
            <numerusform>%n Unterschied.</numerusform>
            <numerusform>%n Unterschiede.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../model/schema/schemareport.cpp" line="48"/>
        <source>Approximate: %n statement(s) of the migrations could not be followed; the expected schema after them may be wrong:</source>
        <translation>
            <numerusform>Näherungsweise: %n Anweisung der Migrationen konnte nicht nachvollzogen werden; das erwartete Schema danach kann falsch sein:</numerusform>
            <numerusform>Näherungsweise: %n Anweisungen der Migrationen konnten nicht nachvollzogen werden; das erwartete Schema danach kann falsch sein:</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../model/schema/schemareport.cpp" line="61"/>
        <source>before any revision (empty)</source>
        <translation>vor jeder Revision (leer)</translation>
    </message>
    <message>
        <location filename="../model/schema/schemareport.cpp" line="67"/>
        <source>%1 compared with the schema the migrations give at %2</source>
        <translation>%1 verglichen mit dem Schema, das die Migrationen bei %2 ergeben</translation>
    </message>
    <message>
        <location filename="../model/schema/schemareport.cpp" line="74"/>
        <source>schema as migrated</source>
        <translation>Schema wie migriert</translation>
    </message>
    <message numerus="yes">
        <location filename="../model/schema/schemareport.cpp" line="75"/>
        <source>schema drift: %n difference(s)</source>
        <translation>
            <numerusform>Schemaabweichung: %n Unterschied</numerusform>
            <numerusform>Schemaabweichung: %n Unterschiede</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../model/schema/schemareport.cpp" line="77"/>
        <source> (approximate)</source>
        <translation> (ungefähr)</translation>
    </message>
    <message>
        <location filename="../model/schema/schemareport.cpp" line="84"/>
        <source>The schema of %1 is the one the migrations give at %2.</source>
        <translation>Das Schema von %1 ist das, das die Migrationen bei %2 ergeben.</translation>
    </message>
    <message>
        <location filename="../model/schema/schemareport.cpp" line="86"/>
        <source>The schema of %1 differs from the one the migrations give at %2:</source>
        <translation>Das Schema von %1 weicht von dem ab, das die Migrationen bei %2 ergeben:</translation>
    </message>
    <message>
        <location filename="../model/schema/schemareport.cpp" line="93"/>
        <source>%1 (at %2) compared with the models of env.py&apos;s target_metadata, by alembic %3 in %4</source>
        <translation>%1 (bei %2) verglichen mit den Modellen von target_metadata in env.py, durch alembic %3 in %4</translation>
    </message>
    <message>
        <location filename="../model/schema/schemareport.cpp" line="95"/>
        <source>no revision</source>
        <translation>keine Revision</translation>
    </message>
    <message numerus="yes">
        <location filename="../model/schema/schemareport.cpp" line="106"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>… und %n weitere</numerusform>
            <numerusform>… und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../model/schema/schemareport.cpp" line="108"/>
        <source>no schema changes</source>
        <translation>keine Schemaänderungen</translation>
    </message>
</context>
<context>
    <name>ScriptDirectory</name>
    <message>
        <location filename="../model/project/scriptdirectory.cpp" line="82"/>
        <source>not a readable folder</source>
        <translation>kein lesbarer Ordner</translation>
    </message>
    <message>
        <location filename="../model/project/scriptdirectory.cpp" line="115"/>
        <source>%1 is a folder named like a revision file; Retort skips it, alembic stops on it (IsADirectoryError). Rename it.</source>
        <translation>%1 ist ein Ordner, der wie eine Revisionsdatei benannt ist; Retort überspringt ihn, alembic bricht daran ab (IsADirectoryError). Benennen Sie ihn um.</translation>
    </message>
    <message>
        <location filename="../model/project/scriptdirectory.cpp" line="118"/>
        <source>%1 is a symbolic link that leads nowhere (or into a loop); Retort skips it, alembic stops on it. Fix or remove the link.</source>
        <translation>%1 ist ein symbolischer Link, der ins Leere (oder in eine Schleife) führt; Retort überspringt ihn, alembic bricht daran ab. Reparieren oder entfernen Sie den Link.</translation>
    </message>
    <message>
        <location filename="../model/project/scriptdirectory.cpp" line="141"/>
        <source>Cannot list the versions folder %1: %2. Alembic stops here too; give your user read access to it. Nothing is written to a database while it cannot be read.</source>
        <translation>Der Versionsordner %1 kann nicht aufgelistet werden: %2. Alembic bricht hier ebenfalls ab; geben Sie Ihrem Benutzer Lesezugriff darauf. Solange er nicht gelesen werden kann, wird nichts in eine Datenbank geschrieben.</translation>
    </message>
    <message>
        <location filename="../model/project/scriptdirectory.cpp" line="188"/>
        <source>The version location %1 does not exist; alembic skips it too. Remove it from version_locations if it is not meant to hold revisions.</source>
        <translation>Der Versionsort %1 existiert nicht; alembic überspringt ihn ebenfalls. Entfernen Sie ihn aus version_locations, wenn er keine Revisionen enthalten soll.</translation>
    </message>
    <message>
        <location filename="../model/project/scriptdirectory.cpp" line="193"/>
        <source>Path doesn&apos;t exist: &apos;%1&apos;. Create the versions folder or set version_locations.</source>
        <translation>Pfad existiert nicht: &apos;%1&apos;. Legen Sie den Versionsordner an oder setzen Sie version_locations.</translation>
    </message>
    <message>
        <location filename="../model/project/scriptdirectory.cpp" line="226"/>
        <source>File %1 loaded twice! ignoring. Please ensure version_locations is unique.</source>
        <translation>Datei %1 zweimal geladen! Wird ignoriert. Bitte stellen Sie sicher, dass version_locations eindeutig ist.</translation>
    </message>
    <message>
        <location filename="../model/project/scriptdirectory.cpp" line="246"/>
        <source>%1 is compiled Python without its source; Retort reads revisions from source files only. Keep the .py file next to it.</source>
        <translation>%1 ist kompiliertes Python ohne Quelltext; Retort liest Revisionen nur aus Quelldateien. Legen Sie die .py-Datei daneben.</translation>
    </message>
    <message>
        <location filename="../model/project/scriptdirectory.cpp" line="284"/>
        <source>Cannot read %1: %2.</source>
        <translation>%1 kann nicht gelesen werden: %2.</translation>
    </message>
    <message numerus="yes">
        <location filename="../model/project/scriptdirectory.cpp" line="359"/>
        <source>%1 holds %n revision file(s) that alembic does not read. Add the folder to version_locations, or set recursive_version_locations = true (alembic 1.10 or newer).</source>
        <translation>
            <numerusform>%1 enthält %n Revisionsdatei, die alembic nicht liest. Nehmen Sie den Ordner in version_locations auf, oder setzen Sie recursive_version_locations = true (alembic 1.10 oder neuer).</numerusform>
            <numerusform>%1 enthält %n Revisionsdateien, die alembic nicht liest. Nehmen Sie den Ordner in version_locations auf, oder setzen Sie recursive_version_locations = true (alembic 1.10 oder neuer).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../model/project/scriptdirectory.cpp" line="363"/>
        <source>%1 holds %n revision file(s) that alembic does not read. Set recursive_version_locations = true (alembic 1.10 or newer), or set version_locations to the versions folder and this one.</source>
        <translation>
            <numerusform>%1 enthält %n Revisionsdatei, die alembic nicht liest. Setzen Sie recursive_version_locations = true (alembic 1.10 oder neuer), oder setzen Sie version_locations auf den Versionsordner und diesen.</numerusform>
            <numerusform>%1 enthält %n Revisionsdateien, die alembic nicht liest. Setzen Sie recursive_version_locations = true (alembic 1.10 oder neuer), oder setzen Sie version_locations auf den Versionsordner und diesen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SectionDialog</name>
    <message>
        <location filename="../widgets/sectiondialog.cpp" line="18"/>
        <source>Choose a Configuration</source>
        <translation>Konfiguration wählen</translation>
    </message>
    <message>
        <location filename="../widgets/sectiondialog.cpp" line="20"/>
        <source>%1 holds several alembic configurations. Which section should Retort read? (alembic reads the one named with -n, [alembic] without it.)</source>
        <translation>%1 enthält mehrere alembic-Konfigurationen. Welchen Abschnitt soll Retort lesen? (alembic liest den mit -n genannten, ohne -n [alembic].)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../widgets/settingsdialog.cpp" line="38"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../widgets/settingsdialog.cpp" line="57"/>
        <source>Follow the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <location filename="../widgets/settingsdialog.cpp" line="58"/>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <location filename="../widgets/settingsdialog.cpp" line="59"/>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <location filename="../widgets/settingsdialog.cpp" line="76"/>
        <source>Appearance</source>
        <translation>Darstellung</translation>
    </message>
    <message>
        <location filename="../widgets/settingsdialog.cpp" line="87"/>
        <source>Automatic: /usr/bin/python3, else python3 on PATH</source>
        <translation>Automatisch: /usr/bin/python3, sonst python3 aus PATH</translation>
    </message>
    <message>
        <location filename="../widgets/settingsdialog.cpp" line="89"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../widgets/settingsdialog.cpp" line="90"/>
        <source>Browse for the default Python interpreter</source>
        <translation>Standard-Python-Interpreter suchen</translation>
    </message>
    <message>
        <location filename="../widgets/settingsdialog.cpp" line="92"/>
        <source>Default Python Interpreter</source>
        <translation>Standard-Python-Interpreter</translation>
    </message>
    <message>
        <location filename="../widgets/settingsdialog.cpp" line="103"/>
        <source>Runs the migrations of projects that have no virtual environment of their own. A project&apos;s own choice (Database ▸ Python Interpreter…) comes first. retort-cli uses it too.</source>
        <translation>Führt die Migrationen von Projekten ohne eigene virtuelle Umgebung aus. Die Wahl eines Projekts (Datenbank ▸ Python-Interpreter…) hat Vorrang. Auch retort-cli verwendet ihn.</translation>
    </message>
    <message>
        <location filename="../widgets/settingsdialog.cpp" line="116"/>
        <source>Python</source>
        <translation>Python</translation>
    </message>
    <message>
        <location filename="../widgets/settingsdialog.cpp" line="108"/>
        <source>Default &amp;interpreter:</source>
        <translation>Standard-&amp;Interpreter:</translation>
    </message>
    <message>
        <location filename="../widgets/settingsdialog.cpp" line="36"/>
        <source>Ask before &amp;removing an environment from the list (protected ones always ask)</source>
        <translation>Vor dem &amp;Entfernen einer Umgebung aus der Liste nachfragen (geschützte fragen immer)</translation>
    </message>
    <message>
        <location filename="../widgets/settingsdialog.cpp" line="127"/>
        <source>Protected environments only</source>
        <translation>Nur geschützte Umgebungen</translation>
    </message>
    <message>
        <location filename="../widgets/settingsdialog.cpp" line="128"/>
        <source>Every environment</source>
        <translation>Jede Umgebung</translation>
    </message>
    <message>
        <location filename="../widgets/settingsdialog.cpp" line="136"/>
        <source>Stamps, upgrades and downgrades always show their preview first; these add to it.</source>
        <translation>Stamp, Upgrade und Downgrade zeigen immer zuerst ihre Vorschau; diese Rückfragen kommen hinzu.</translation>
    </message>
    <message>
        <location filename="../widgets/settingsdialog.cpp" line="142"/>
        <source>Confirmations</source>
        <translation>Rückfragen</translation>
    </message>
    <message>
        <location filename="../widgets/settingsdialog.cpp" line="140"/>
        <source>&amp;Type the name before writing to:</source>
        <translation>&amp;Namen eingeben vor dem Schreiben in:</translation>
    </message>
    <message>
        <location filename="../widgets/settingsdialog.cpp" line="170"/>
        <source>Asking %1 for alembic…</source>
        <translation>%1 wird nach alembic gefragt…</translation>
    </message>
    <message>
        <location filename="../widgets/settingsdialog.cpp" line="184"/>
        <source>Kept: Python %1 with alembic %2 and SQLAlchemy %3.</source>
        <translation>Übernommen: Python %1 mit alembic %2 und SQLAlchemy %3.</translation>
    </message>
    <message>
        <location filename="../widgets/settingsdialog.cpp" line="186"/>
        <source>Not kept: %1</source>
        <translation>Nicht übernommen: %1</translation>
    </message>
    <message>
        <location filename="../widgets/settingsdialog.cpp" line="62"/>
        <source>Top to bottom</source>
        <translation>Von oben nach unten</translation>
    </message>
    <message>
        <location filename="../widgets/settingsdialog.cpp" line="63"/>
        <source>Left to right</source>
        <translation>Von links nach rechts</translation>
    </message>
    <message>
        <location filename="../widgets/settingsdialog.cpp" line="78"/>
        <source>&amp;Colour scheme:</source>
        <translation>&amp;Farbschema:</translation>
    </message>
    <message>
        <location filename="../widgets/settingsdialog.cpp" line="79"/>
        <source>&amp;Graph direction:</source>
        <translation>&amp;Richtung des Graphen:</translation>
    </message>
    <message>
        <location filename="../widgets/settingsdialog.cpp" line="40"/>
        <source>Changes apply at once and are kept for the next start.</source>
        <translation>Änderungen gelten sofort und bleiben für den nächsten Start erhalten.</translation>
    </message>
</context>
<context>
    <name>SourceView</name>
    <message>
        <location filename="../widgets/sourceview.cpp" line="161"/>
        <location filename="../widgets/sourceview.cpp" line="168"/>
        <source>Source</source>
        <translation>Quelltext</translation>
    </message>
    <message>
        <location filename="../widgets/sourceview.cpp" line="162"/>
        <source>upgrade()</source>
        <translation>upgrade()</translation>
    </message>
    <message>
        <location filename="../widgets/sourceview.cpp" line="163"/>
        <source>downgrade()</source>
        <translation>downgrade()</translation>
    </message>
    <message>
        <location filename="../widgets/sourceview.cpp" line="174"/>
        <source>Select a revision to see its source.</source>
        <translation>Wählen Sie eine Revision aus, um ihren Quelltext zu sehen.</translation>
    </message>
    <message>
        <location filename="../widgets/sourceview.cpp" line="304"/>
        <source>Open in Editor at Line %1</source>
        <translation>Im Editor in Zeile %1 öffnen</translation>
    </message>
</context>
<context>
    <name>StampDialog</name>
    <message>
        <location filename="../widgets/stampdialog.cpp" line="28"/>
        <source>(no rows)</source>
        <translation>(keine Zeilen)</translation>
    </message>
    <message>
        <location filename="../widgets/stampdialog.cpp" line="45"/>
        <source>&amp;Purge: empty the version table first</source>
        <translation>&amp;Purge: zuerst die Versionstabelle leeren</translation>
    </message>
    <message>
        <location filename="../widgets/stampdialog.cpp" line="51"/>
        <source>Stamp %1</source>
        <translation>Version von %1 setzen (stamp)</translation>
    </message>
    <message>
        <location filename="../widgets/stampdialog.cpp" line="59"/>
        <source>SQL of the stamp</source>
        <translation>SQL zum Setzen der Version</translation>
    </message>
    <message>
        <location filename="../widgets/stampdialog.cpp" line="69"/>
        <source>Environment name to confirm</source>
        <translation>Name der Umgebung zur Bestätigung</translation>
    </message>
    <message>
        <location filename="../widgets/stampdialog.cpp" line="70"/>
        <source>Type %1 to confirm</source>
        <translation>Zur Bestätigung %1 eingeben</translation>
    </message>
    <message>
        <location filename="../widgets/stampdialog.cpp" line="74"/>
        <source>&amp;Stamp</source>
        <translation>Version &amp;setzen</translation>
    </message>
    <message>
        <location filename="../widgets/stampdialog.cpp" line="82"/>
        <source>A stamp only rewrites the version table: no migration runs.</source>
        <translation>Beim Setzen der Version (stamp) wird nur die Versionstabelle neu geschrieben: Es läuft keine Migration.</translation>
    </message>
    <message>
        <location filename="../widgets/stampdialog.cpp" line="89"/>
        <source>SQL, in one transaction:</source>
        <translation>SQL, in einer Transaktion:</translation>
    </message>
    <message>
        <location filename="../widgets/stampdialog.cpp" line="94"/>
        <source>&lt;b&gt;%1 is protected.&lt;/b&gt; Type its name to stamp it.</source>
        <translation>&lt;b&gt;%1 ist geschützt.&lt;/b&gt; Geben Sie den Namen ein, um die Version zu setzen.</translation>
    </message>
    <message>
        <location filename="../widgets/stampdialog.cpp" line="95"/>
        <source>Type the name of %1 to stamp it.</source>
        <translation>Geben Sie den Namen von %1 ein, um ihre Version zu setzen.</translation>
    </message>
    <message>
        <location filename="../widgets/stampdialog.cpp" line="122"/>
        <source>The version table names a revision this project does not have: tick &lt;b&gt;Purge&lt;/b&gt; to empty it first, and the stamp replaces every row.</source>
        <translation>Die Versionstabelle nennt eine Revision, die dieses Projekt nicht hat: Kreuzen Sie &lt;b&gt;Purge&lt;/b&gt; an, um sie zuerst zu leeren; der Stempel ersetzt dann alle Zeilen.</translation>
    </message>
    <message>
        <location filename="../widgets/stampdialog.cpp" line="124"/>
        <source>&lt;b&gt;Cannot stamp %1:&lt;/b&gt; %2</source>
        <translation>&lt;b&gt;Version kann nicht auf %1 gesetzt werden:&lt;/b&gt; %2</translation>
    </message>
    <message>
        <location filename="../widgets/stampdialog.cpp" line="132"/>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2 → &lt;b&gt;%3&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;: %2 → &lt;b&gt;%3&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../widgets/stampdialog.cpp" line="143"/>
        <source>-- nothing to write: the rows are already these</source>
        <translation>-- nichts zu schreiben: Die Zeilen haben bereits diesen Stand</translation>
    </message>
    <message>
        <location filename="../widgets/stampdialog.cpp" line="152"/>
        <source>Reading the version table of %1 again, so that the preview shows what it holds now…</source>
        <translation>Die Versionstabelle von %1 wird erneut gelesen, damit die Vorschau zeigt, was sie jetzt enthält…</translation>
    </message>
    <message>
        <location filename="../widgets/stampdialog.cpp" line="165"/>
        <source>The version table changed since the window last read it: this preview shows what it holds now.</source>
        <translation>Die Versionstabelle hat sich geändert, seit das Fenster sie zuletzt gelesen hat: Diese Vorschau zeigt, was sie jetzt enthält.</translation>
    </message>
    <message>
        <location filename="../widgets/stampdialog.cpp" line="177"/>
        <source>The version table could not be read again, so nothing can be stamped: %1</source>
        <translation>Die Versionstabelle konnte nicht erneut gelesen werden, daher kann nichts gestempelt werden: %1</translation>
    </message>
</context>
<context>
    <name>UserGuideDialog</name>
    <message>
        <location filename="../widgets/userguidedialog.cpp" line="40"/>
        <source>Retort User Guide</source>
        <translation>Retort-Benutzerhandbuch</translation>
    </message>
    <message>
        <location filename="../widgets/userguidedialog.cpp" line="43"/>
        <source>User guide</source>
        <translation>Benutzerhandbuch</translation>
    </message>
    <message>
        <location filename="../widgets/userguidedialog.cpp" line="49"/>
        <source>The user guide is missing from this build.</source>
        <translation>Das Benutzerhandbuch fehlt in diesem Build.</translation>
    </message>
</context>
<context>
    <name>VersionTable</name>
    <message>
        <location filename="../model/database/versiontable.cpp" line="33"/>
        <source>Retort cannot use the Qt database driver %1; it works with SQLite, PostgreSQL and MySQL/MariaDB.</source>
        <translation>Retort kann den Qt-Datenbanktreiber %1 nicht verwenden; es arbeitet mit SQLite, PostgreSQL und MySQL/MariaDB.</translation>
    </message>
    <message>
        <location filename="../model/database/versiontable.cpp" line="50"/>
        <source>the database is locked by another process that is writing to it (SQLite: %1); Retort waited for it to finish. Try again when that process (a migration, another tool) is done.</source>
        <translation>die Datenbank ist von einem anderen Prozess gesperrt, der in sie schreibt (SQLite: %1); Retort hat auf dessen Ende gewartet. Versuchen Sie es erneut, wenn dieser Prozess (eine Migration, ein anderes Werkzeug) fertig ist.</translation>
    </message>
    <message>
        <location filename="../model/database/versiontable.cpp" line="55"/>
        <source>the version table is locked by another session (%1), for example a migration that is running; Retort stopped waiting. Try again when it has finished.</source>
        <translation>die Versionstabelle ist von einer anderen Sitzung gesperrt (%1), zum Beispiel einer laufenden Migration; Retort hat das Warten beendet. Versuchen Sie es erneut, wenn sie abgeschlossen ist.</translation>
    </message>
    <message>
        <location filename="../model/database/versiontable.cpp" line="110"/>
        <source>Cannot read the version table %1: %2</source>
        <translation>Die Versionstabelle %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location filename="../model/database/versiontable.cpp" line="128"/>
        <source>no rows</source>
        <translation>keine Zeilen</translation>
    </message>
    <message>
        <location filename="../model/database/versiontable.cpp" line="201"/>
        <source>Online migration expected to match one row when %1; %2 found</source>
        <translation>Online-Migration erwartete beim %1 genau eine passende Zeile; %2 gefunden</translation>
    </message>
    <message>
        <location filename="../model/database/versiontable.cpp" line="222"/>
        <source>The version table name &apos;%1&apos; is not a plain SQL name (letters, digits, _ and $, at most 63, not starting with a digit); Retort does not use it.</source>
        <translation>Der Name der Versionstabelle &apos;%1&apos; ist kein einfacher SQL-Name (Buchstaben, Ziffern, _ und $, höchstens 63, nicht mit einer Ziffer beginnend); Retort verwendet ihn nicht.</translation>
    </message>
    <message>
        <location filename="../model/database/versiontable.cpp" line="227"/>
        <source>The version table schema &apos;%1&apos; is not a plain SQL name (letters, digits, _ and $, at most 63, not starting with a digit); Retort does not use it.</source>
        <translation>Das Schema der Versionstabelle &apos;%1&apos; ist kein einfacher SQL-Name (Buchstaben, Ziffern, _ und $, höchstens 63, nicht mit einer Ziffer beginnend); Retort verwendet es nicht.</translation>
    </message>
    <message>
        <location filename="../model/database/versiontable.cpp" line="253"/>
        <source>Cannot look for the version table %1: %2</source>
        <translation>Nach der Versionstabelle %1 kann nicht gesucht werden: %2</translation>
    </message>
    <message>
        <location filename="../model/database/versiontable.cpp" line="299"/>
        <source>Cannot stamp the version table %1: %2 Nothing was written.</source>
        <translation>Die Versionstabelle %1 kann nicht per stamp geändert werden: %2 Es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <location filename="../model/database/versiontable.cpp" line="333"/>
        <source>The version table %1 changed since the preview: it holds %2 now, not %3. Someone may have migrated this database; look at it again before stamping. Nothing was written.</source>
        <translation>Die Versionstabelle %1 hat sich seit der Vorschau geändert: Sie enthält jetzt %2, nicht %3. Möglicherweise hat jemand diese Datenbank migriert; sehen Sie sie sich erneut an, bevor Sie die Version setzen. Es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <location filename="../model/database/versiontable.cpp" line="351"/>
        <source>deleting &apos;%1&apos; in &apos;%2&apos;</source>
        <translation>Löschen von &apos;%1&apos; in &apos;%2&apos;</translation>
    </message>
    <message>
        <location filename="../model/database/versiontable.cpp" line="355"/>
        <source>updating &apos;%1&apos; to &apos;%2&apos; in &apos;%3&apos;</source>
        <translation>Aktualisieren von &apos;%1&apos; auf &apos;%2&apos; in &apos;%3&apos;</translation>
    </message>
    <message>
        <location filename="../model/database/versiontable.cpp" line="367"/>
        <source>the rows would be %1 instead of the planned %2.</source>
        <translation>Die Zeilen wären %1 statt der geplanten %2.</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../widgets/welcomepage.cpp" line="17"/>
        <source>Open the Sample Project</source>
        <translation>Beispielprojekt öffnen</translation>
    </message>
    <message>
        <location filename="../widgets/welcomepage.cpp" line="18"/>
        <source>A shop history with branches, a merge, branch labels and a depends_on, with an SQLite database next to it.</source>
        <translation>Ein Shop-Verlauf mit Zweigen, einer Zusammenführung, Zweig-Labels und einem depends_on, samt SQLite-Datenbank daneben.</translation>
    </message>
    <message>
        <location filename="../widgets/welcomepage.cpp" line="28"/>
        <source>Welcome to Retort</source>
        <translation>Willkommen bei Retort</translation>
    </message>
    <message>
        <location filename="../widgets/welcomepage.cpp" line="33"/>
        <source>See every branch, merge and dependency of an Alembic migration history. Open an alembic.ini, a pyproject.toml or a migrations folder, or drop one onto this window.</source>
        <translation>Sehen Sie jeden Zweig, jede Zusammenführung und jede Abhängigkeit eines Alembic-Migrationsverlaufs. Öffnen Sie eine alembic.ini, eine pyproject.toml oder einen Migrationsordner oder ziehen Sie sie auf dieses Fenster.</translation>
    </message>
    <message>
        <location filename="../widgets/welcomepage.cpp" line="39"/>
        <source>Open a Project…</source>
        <translation>Projekt öffnen…</translation>
    </message>
    <message>
        <location filename="../widgets/welcomepage.cpp" line="39"/>
        <source>Choose an alembic.ini, a pyproject.toml or one of the project&apos;s revision files.</source>
        <translation>Wählen Sie eine alembic.ini, eine pyproject.toml oder eine der Revisionsdateien des Projekts.</translation>
    </message>
    <message>
        <location filename="../widgets/welcomepage.cpp" line="43"/>
        <source>Open a Folder…</source>
        <translation>Einen Ordner öffnen…</translation>
    </message>
    <message>
        <location filename="../widgets/welcomepage.cpp" line="43"/>
        <source>Choose a project folder, a migrations folder (with env.py) or a versions folder.</source>
        <translation>Wählen Sie einen Projektordner, einen Migrationsordner (mit env.py) oder einen Versionsordner.</translation>
    </message>
    <message>
        <location filename="../widgets/welcomepage.cpp" line="97"/>
        <source>%1 [%2]</source>
        <translation>%1 [%2]</translation>
    </message>
    <message>
        <location filename="../widgets/welcomepage.cpp" line="53"/>
        <source>Recent projects</source>
        <translation>Zuletzt geöffnete Projekte</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/gui/main.cpp" line="87"/>
        <source>A desktop studio for Alembic migration histories.</source>
        <translation>Ein Desktop-Studio für Alembic-Migrationsverläufe.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="90"/>
        <source>Open the bundled sample project.</source>
        <translation>Das mitgelieferte Beispielprojekt öffnen.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="91"/>
        <source>Save a picture of the window to FILE and quit.</source>
        <translation>Ein Bild des Fensters in DATEI speichern und beenden.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="92"/>
        <source>FILE</source>
        <translation>DATEI</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="93"/>
        <source>Use a dark palette (e.g. for screenshots).</source>
        <translation>Eine dunkle Farbpalette verwenden (z. B. für Bildschirmfotos).</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="94"/>
        <source>Open the window at WIDTHxHEIGHT pixels (e.g. 1920x1080).</source>
        <translation>Das Fenster mit BREITExHÖHE Pixeln öffnen (z. B. 1920x1080).</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="95"/>
        <source>WIDTHxHEIGHT</source>
        <translation>BREITExHÖHE</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="98"/>
        <source>The section of the ini file to read, as alembic -n names it (asked for when there are several).</source>
        <translation>Der zu lesende Abschnitt der ini-Datei, wie alembic -n ihn nennt (wird erfragt, wenn es mehrere gibt).</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="99"/>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="105"/>
        <source>An alembic.ini, a pyproject.toml or a folder.</source>
        <translation>Eine alembic.ini, eine pyproject.toml oder ein Ordner.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="105"/>
        <source>[PATH]</source>
        <translation>[PFAD]</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="120"/>
        <source>--size takes WIDTHxHEIGHT, e.g. 1280x800.</source>
        <translation>--size erwartet BREITExHÖHE, z. B. 1280x800.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="134"/>
        <source>Cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
</context>
</TS>
