<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Checks</name>
    <message>
        <location filename="../model/checks.cpp" line="19"/>
        <source>The history has %1 heads (%2); `alembic upgrade head` fails until they are merged with `alembic merge heads`.</source>
        <translation>Der Verlauf hat %1 Heads (%2); `alembic upgrade head` schlägt fehl, bis sie mit `alembic merge heads` zusammengeführt werden.</translation>
    </message>
</context>
<context>
    <name>DetailsPane</name>
    <message>
        <location filename="../widgets/detailspane.cpp" line="28"/>
        <source>missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <location filename="../widgets/detailspane.cpp" line="45"/>
        <source>Select a revision to see its details.</source>
        <translation>Wählen Sie eine Revision aus, um ihre Details zu sehen.</translation>
    </message>
    <message>
        <location filename="../widgets/detailspane.cpp" line="82"/>
        <source>Alembic cannot use this file, so it has no place in the graph.</source>
        <translation>Alembic kann diese Datei nicht verwenden, daher hat sie keinen Platz im Graphen.</translation>
    </message>
    <message>
        <location filename="../widgets/detailspane.cpp" line="124"/>
        <source>No file declares this revision, yet other revisions name it. Alembic refuses to run until it exists: restore the file or correct the revisions that refer to it.</source>
        <translation>Keine Datei deklariert diese Revision, dennoch wird sie von anderen Revisionen genannt. Alembic verweigert die Ausführung, solange sie nicht existiert: Stellen Sie die Datei wieder her oder korrigieren Sie die Revisionen, die auf sie verweisen.</translation>
    </message>
    <message>
        <location filename="../widgets/detailspane.cpp" line="136"/>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <location filename="../widgets/detailspane.cpp" line="137"/>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location filename="../widgets/detailspane.cpp" line="140"/>
        <source>Branch labels</source>
        <translation>Zweig-Labels</translation>
    </message>
    <message>
        <location filename="../widgets/detailspane.cpp" line="141"/>
        <source>Parents</source>
        <translation>Eltern</translation>
    </message>
    <message>
        <location filename="../widgets/detailspane.cpp" line="141"/>
        <source>none (a base)</source>
        <translation>keine (Basisrevision)</translation>
    </message>
    <message>
        <location filename="../widgets/detailspane.cpp" line="143"/>
        <source>Depends on</source>
        <translation>Hängt ab von</translation>
    </message>
    <message>
        <location filename="../widgets/detailspane.cpp" line="144"/>
        <source>Children</source>
        <translation>Kinder</translation>
    </message>
    <message>
        <location filename="../widgets/detailspane.cpp" line="144"/>
        <source>none (a head)</source>
        <translation>keine (Head-Revision)</translation>
    </message>
    <message>
        <location filename="../widgets/detailspane.cpp" line="150"/>
        <source>Needed by</source>
        <translation>Benötigt von</translation>
    </message>
    <message>
        <location filename="../widgets/detailspane.cpp" line="156"/>
        <source>line %1: </source>
        <translation>Zeile %1: </translation>
    </message>
    <message>
        <location filename="../widgets/detailspane.cpp" line="161"/>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
</context>
<context>
    <name>GraphExporter</name>
    <message>
        <location filename="../widgets/graphexporter.cpp" line="46"/>
        <source>Alembic revision graph</source>
        <translation>Alembic-Revisionsgraph</translation>
    </message>
    <message>
        <location filename="../widgets/graphexporter.cpp" line="47"/>
        <source>Alembic revision graph drawn by Retort</source>
        <translation>Alembic-Revisionsgraph, gezeichnet von Retort</translation>
    </message>
    <message>
        <location filename="../widgets/graphexporter.cpp" line="79"/>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location filename="../widgets/graphexporter.cpp" line="95"/>
        <source>Cannot draw the graph as a PNG image: it is too large. Export it as SVG instead.</source>
        <translation>Der Graph kann nicht als PNG-Bild gezeichnet werden: Er ist zu groß. Exportieren Sie ihn stattdessen als SVG.</translation>
    </message>
</context>
<context>
    <name>GraphLayout</name>
    <message>
        <location filename="../model/graphlayout.cpp" line="122"/>
        <source>Graphviz could not create a graph.</source>
        <translation>Graphviz konnte keinen Graphen erstellen.</translation>
    </message>
    <message>
        <location filename="../model/graphlayout.cpp" line="152"/>
        <source>An edge names a node that does not exist.</source>
        <translation>Eine Kante verweist auf einen Knoten, der nicht existiert.</translation>
    </message>
    <message>
        <location filename="../model/graphlayout.cpp" line="169"/>
        <source>Graphviz could not lay out the graph: %1 Check that the Graphviz plugins are installed and configured (run `dot -c` as root).</source>
        <translation>Graphviz konnte den Graphen nicht anordnen: %1 Prüfen Sie, ob die Graphviz-Plugins installiert und eingerichtet sind (führen Sie `dot -c` als root aus).</translation>
    </message>
</context>
<context>
    <name>GraphOverview</name>
    <message>
        <location filename="../widgets/graphoverview.cpp" line="20"/>
        <source>Overview: click or drag to move the graph</source>
        <translation>Übersicht: Klicken oder ziehen, um den Graphen zu verschieben</translation>
    </message>
</context>
<context>
    <name>GraphPainter</name>
    <message>
        <location filename="../widgets/graphpainter.cpp" line="182"/>
        <source>HEAD</source>
        <translation>HEAD</translation>
    </message>
    <message>
        <location filename="../widgets/graphpainter.cpp" line="184"/>
        <source>MERGE</source>
        <translation>MERGE</translation>
    </message>
    <message>
        <location filename="../widgets/graphpainter.cpp" line="187"/>
        <source>BRANCH</source>
        <translation>ZWEIG</translation>
    </message>
    <message>
        <location filename="../widgets/graphpainter.cpp" line="189"/>
        <source>BASE</source>
        <translation>BASIS</translation>
    </message>
</context>
<context>
    <name>GraphPicture</name>
    <message numerus="yes">
        <location filename="../widgets/graphpicture.cpp" line="45"/>
        <source>%n revisions</source>
        <translation>
            <numerusform>%n Revision</numerusform>
            <numerusform>%n Revisionen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/graphpicture.cpp" line="46"/>
        <source>%1 … %2</source>
        <translation>%1 … %2</translation>
    </message>
    <message>
        <location filename="../widgets/graphpicture.cpp" line="52"/>
        <source>missing revision</source>
        <translation>fehlende Revision</translation>
    </message>
</context>
<context>
    <name>HeadMaintainer</name>
    <message>
        <location filename="../model/headmaintainer.cpp" line="49"/>
        <source>Cannot insert %1: the version table already has that row.</source>
        <translation>%1 kann nicht eingefügt werden: Die Versionstabelle enthält diese Zeile bereits.</translation>
    </message>
    <message>
        <location filename="../model/headmaintainer.cpp" line="61"/>
        <source>Cannot delete %1: the version table has no such row (alembic stops here with a KeyError).</source>
        <translation>%1 kann nicht gelöscht werden: Die Versionstabelle enthält keine solche Zeile (alembic bricht hier mit einem KeyError ab).</translation>
    </message>
    <message>
        <location filename="../model/headmaintainer.cpp" line="75"/>
        <source>Cannot update %1 to %2: the version table already has %2.</source>
        <translation>%1 kann nicht auf %2 aktualisiert werden: Die Versionstabelle enthält %2 bereits.</translation>
    </message>
    <message>
        <location filename="../model/headmaintainer.cpp" line="81"/>
        <source>Cannot update %1 to %2: the version table has no row %1 (alembic stops here with a KeyError).</source>
        <translation>%1 kann nicht auf %2 aktualisiert werden: Die Versionstabelle enthält keine Zeile %1 (alembic bricht hier mit einem KeyError ab).</translation>
    </message>
    <message>
        <location filename="../model/headmaintainer.cpp" line="137"/>
        <source>This stamp step has nothing to move from.</source>
        <translation>Für diesen stamp-Schritt gibt es keinen Ausgangspunkt.</translation>
    </message>
    <message>
        <location filename="../model/headmaintainer.cpp" line="153"/>
        <source>Cannot merge into %1: every parent is implied by another row.</source>
        <translation>Zusammenführung in %1 nicht möglich: Jede Elternrevision wird bereits durch eine andere Zeile abgedeckt.</translation>
    </message>
    <message>
        <location filename="../model/headmaintainer.cpp" line="177"/>
        <source>Can&apos;t do an UPDATE because downrevision is ambiguous</source>
        <translation>UPDATE nicht möglich, da downrevision mehrdeutig ist</translation>
    </message>
</context>
<context>
    <name>IniConfig</name>
    <message>
        <location filename="../model/iniconfig.cpp" line="78"/>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location filename="../model/iniconfig.cpp" line="101"/>
        <source>%1 starts with a UTF-8 byte-order mark, which Python&apos;s ConfigParser (used by alembic) does not skip; alembic will not find the first section. Save the file without a BOM.</source>
        <translation>%1 beginnt mit einer UTF-8-Bytereihenfolgemarkierung (BOM), die Pythons ConfigParser (von alembic verwendet) nicht überspringt; alembic findet den ersten Abschnitt nicht. Speichern Sie die Datei ohne BOM.</translation>
    </message>
    <message>
        <location filename="../model/iniconfig.cpp" line="111"/>
        <source>%1 is not valid UTF-8; alembic cannot read it. Invalid bytes were replaced.</source>
        <translation>%1 ist kein gültiges UTF-8; alembic kann die Datei nicht lesen. Ungültige Bytes wurden ersetzt.</translation>
    </message>
    <message>
        <location filename="../model/iniconfig.cpp" line="164"/>
        <source>Section [%1] appears more than once in %2 (again at line %3); Python&apos;s ConfigParser (used by alembic) rejects the file. Merge the sections.</source>
        <translation>Der Abschnitt [%1] kommt in %2 mehr als einmal vor (erneut in Zeile %3); Pythons ConfigParser (von alembic verwendet) lehnt die Datei ab. Führen Sie die Abschnitte zusammen.</translation>
    </message>
    <message>
        <location filename="../model/iniconfig.cpp" line="181"/>
        <source>%1 has text before its first section header (line %2: &apos;%3&apos;); Python&apos;s ConfigParser (used by alembic) rejects the file. Start the file with a section such as [alembic].</source>
        <translation>%1 enthält Text vor der ersten Abschnittsüberschrift (Zeile %2: &apos;%3&apos;); Pythons ConfigParser (von alembic verwendet) lehnt die Datei ab. Beginnen Sie die Datei mit einem Abschnitt wie [alembic].</translation>
    </message>
    <message>
        <location filename="../model/iniconfig.cpp" line="201"/>
        <source>%1 line %2 is neither a section header, a &apos;name = value&apos; option nor a comment: &apos;%3&apos;; Python&apos;s ConfigParser (used by alembic) rejects the file.</source>
        <translation>%1, Zeile %2 ist weder eine Abschnittsüberschrift noch eine Option der Form &apos;name = value&apos; noch ein Kommentar: &apos;%3&apos;; Pythons ConfigParser (von alembic verwendet) lehnt die Datei ab.</translation>
    </message>
    <message>
        <location filename="../model/iniconfig.cpp" line="211"/>
        <source>Option &apos;%1&apos; is set more than once in section [%2] of %3 (again at line %4); Python&apos;s ConfigParser (used by alembic) rejects the file. Remove one of them.</source>
        <translation>Die Option &apos;%1&apos; ist im Abschnitt [%2] von %3 mehr als einmal gesetzt (erneut in Zeile %4); Pythons ConfigParser (von alembic verwendet) lehnt die Datei ab. Entfernen Sie einen der Einträge.</translation>
    </message>
    <message>
        <location filename="../model/iniconfig.cpp" line="314"/>
        <source>No section [%1] in %2.</source>
        <translation>Kein Abschnitt [%1] in %2.</translation>
    </message>
    <message>
        <location filename="../model/iniconfig.cpp" line="318"/>
        <source>No option &apos;%1&apos; in section [%2] of %3.</source>
        <translation>Keine Option &apos;%1&apos; im Abschnitt [%2] von %3.</translation>
    </message>
    <message>
        <location filename="../model/iniconfig.cpp" line="327"/>
        <source>option &apos;%1&apos; in section [%2] of %3 (line %4)</source>
        <translation>Option &apos;%1&apos; im Abschnitt [%2] von %3 (Zeile %4)</translation>
    </message>
    <message>
        <location filename="../model/iniconfig.cpp" line="333"/>
        <source>Recursion limit exceeded in value substitution: %1 cannot be substituted in %2 steps. Raw value: &apos;%3&apos;</source>
        <translation>Rekursionsgrenze bei der Wertersetzung überschritten: %1 kann nicht in %2 Schritten ersetzt werden. Rohwert: &apos;%3&apos;</translation>
    </message>
    <message>
        <location filename="../model/iniconfig.cpp" line="354"/>
        <source>Bad interpolation variable reference in %1: &apos;%2&apos;. Use %(name)s, and write a literal percent sign as %%.</source>
        <translation>Ungültiger Verweis auf eine Interpolationsvariable in %1: &apos;%2&apos;. Verwenden Sie %(name)s und schreiben Sie ein wörtliches Prozentzeichen als %%.</translation>
    </message>
    <message>
        <location filename="../model/iniconfig.cpp" line="363"/>
        <source>Bad value substitution: %1 refers to &apos;%(%2)s&apos;, but there is no option &apos;%2&apos; in that section or in [DEFAULT]. Raw value: &apos;%3&apos;</source>
        <translation>Ungültige Wertersetzung: %1 verweist auf &apos;%(%2)s&apos;, aber es gibt keine Option &apos;%2&apos; in diesem Abschnitt oder in [DEFAULT]. Rohwert: &apos;%3&apos;</translation>
    </message>
    <message>
        <location filename="../model/iniconfig.cpp" line="375"/>
        <source>Bad interpolation syntax in %1: &apos;%&apos; must be followed by &apos;%&apos; or &apos;(&apos;, found: &apos;%2&apos;. Write a literal percent sign as %%.</source>
        <translation>Ungültige Interpolationssyntax in %1: Auf &apos;%&apos; muss &apos;%&apos; oder &apos;(&apos; folgen, gefunden: &apos;%2&apos;. Schreiben Sie ein wörtliches Prozentzeichen als %%.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="107"/>
        <source>Retort</source>
        <translation>Retort</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="132"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="133"/>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="136"/>
        <source>Open an alembic.ini, a pyproject.toml or a migrations folder</source>
        <translation>Eine alembic.ini, eine pyproject.toml oder einen Migrationsordner öffnen</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="137"/>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="140"/>
        <source>Open &amp;Demo</source>
        <translation>&amp;Demo öffnen</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="142"/>
        <source>Open the bundled sample project</source>
        <translation>Das mitgelieferte Beispielprojekt öffnen</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="144"/>
        <source>Re&amp;load</source>
        <translation>Neu &amp;laden</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="148"/>
        <source>&amp;Export Graph…</source>
        <translation>Graph &amp;exportieren…</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="151"/>
        <source>Save the graph as SVG, PNG or Graphviz DOT</source>
        <translation>Den Graphen als SVG, PNG oder Graphviz-DOT speichern</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="153"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="157"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="158"/>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen…</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="163"/>
        <source>Find &amp;Next</source>
        <translation>&amp;Weitersuchen</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="165"/>
        <source>Find &amp;Previous</source>
        <translation>&amp;Rückwärts suchen</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="168"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="169"/>
        <source>&amp;Fit to Window</source>
        <translation>An &amp;Fenster anpassen</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="173"/>
        <source>Zoom to &amp;Selection</source>
        <translation>Auf &amp;Auswahl zoomen</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="176"/>
        <source>Zoom &amp;In</source>
        <translation>&amp;Vergrößern</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="179"/>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="182"/>
        <source>&amp;Actual Size</source>
        <translation>&amp;Originalgröße</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="186"/>
        <source>&amp;Left to Right</source>
        <translation>Von &amp;links nach rechts</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="189"/>
        <source>Draw the history from left to right instead of bottom to top</source>
        <translation>Den Verlauf von links nach rechts statt von unten nach oben zeichnen</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="191"/>
        <source>&amp;Collapse Long Runs</source>
        <translation>Lange Abfolgen &amp;einklappen</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="195"/>
        <source>In histories of over %1 revisions, show runs of plain revisions as one card</source>
        <translation>In Verläufen mit mehr als %1 Revisionen Abfolgen einfacher Revisionen als eine Karte anzeigen</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="198"/>
        <source>List in &amp;History Order</source>
        <translation>In Verlaufs&amp;reihenfolge auflisten</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="204"/>
        <source>Show All &amp;Branches</source>
        <translation>Alle &amp;Zweige anzeigen</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="210"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="211"/>
        <source>&amp;About Retort</source>
        <translation>Ü&amp;ber Retort</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="219"/>
        <source>Main</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="622"/>
        <source>Several heads: `alembic upgrade head` will refuse; merge them or upgrade to `heads`.</source>
        <translation>Mehrere Heads: `alembic upgrade head` schlägt fehl; führen Sie sie zusammen oder aktualisieren Sie auf `heads`.</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="636"/>
        <source>No recent projects</source>
        <translation>Keine zuletzt geöffneten Projekte</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="638"/>
        <source>&amp;Clear Menu</source>
        <translation>Liste &amp;leeren</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="289"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="309"/>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="318"/>
        <source>Search id, message or label (Ctrl+F)</source>
        <translation>ID, Nachricht oder Label suchen (Strg+F)</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="362"/>
        <source>Reloading…</source>
        <translation>Wird neu geladen…</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="362"/>
        <source>Opening %1…</source>
        <translation>%1 wird geöffnet…</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="387"/>
        <source>Cannot reload: %1</source>
        <translation>Neu laden nicht möglich: %1</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="393"/>
        <source>Cannot Open Project</source>
        <translation>Projekt kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="394"/>
        <source>Retort could not open %1.</source>
        <translation>Retort konnte %1 nicht öffnen.</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="422"/>
        <source>Retort — %1</source>
        <translation>Retort — %1</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="440"/>
        <source>Cannot Open Demo</source>
        <translation>Demo kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="440"/>
        <source>The sample project is not installed next to Retort.</source>
        <translation>Das Beispielprojekt ist nicht neben Retort installiert.</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/mainwindow.cpp" line="488"/>
        <source>%n matches</source>
        <translation>
            <numerusform>%n Treffer</numerusform>
            <numerusform>%n Treffer</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="506"/>
        <source>Open Alembic Project</source>
        <translation>Alembic-Projekt öffnen</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="507"/>
        <source>Alembic configuration (alembic.ini *.ini pyproject.toml);;All files (*)</source>
        <translation>Alembic-Konfiguration (alembic.ini *.ini pyproject.toml);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="519"/>
        <source>There is no graph to export yet.</source>
        <translation>Es gibt noch keinen Graphen zum Exportieren.</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="524"/>
        <source>Choose a file name ending in .svg, .png or .dot.</source>
        <translation>Wählen Sie einen Dateinamen mit der Endung .svg, .png oder .dot.</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="539"/>
        <source>Export Graph</source>
        <translation>Graph exportieren</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="540"/>
        <source>SVG image (*.svg);;PNG image (*.png);;Graphviz DOT (*.dot)</source>
        <translation>SVG-Bild (*.svg);;PNG-Bild (*.png);;Graphviz-DOT (*.dot)</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="549"/>
        <source>Exported the graph to %1</source>
        <translation>Graph nach %1 exportiert</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="551"/>
        <source>Cannot Export Graph</source>
        <translation>Graph kann nicht exportiert werden</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="556"/>
        <source>About Retort</source>
        <translation>Über Retort</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="557"/>
        <source>&lt;h3&gt;Retort %1&lt;/h3&gt;&lt;p&gt;A desktop studio for Alembic migration histories.&lt;/p&gt;&lt;p&gt;Licensed under the GNU General Public License, version 3 or later.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Retort %1&lt;/h3&gt;&lt;p&gt;Ein Desktop-Studio für Alembic-Migrationsverläufe.&lt;/p&gt;&lt;p&gt;Lizenziert unter der GNU General Public License, Version 3 oder später.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="569"/>
        <source>%1:%2</source>
        <translation>%1:%2</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="570"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="573"/>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="577"/>
        <source>No problems found.</source>
        <translation>Keine Probleme gefunden.</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="610"/>
        <source>No project open. Use File ▸ Open… or File ▸ Open Demo.</source>
        <translation>Kein Projekt geöffnet. Verwenden Sie Datei ▸ Öffnen… oder Datei ▸ Demo öffnen.</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="617"/>
        <source>Revisions: %1</source>
        <translation>Revisionen: %1</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="619"/>
        <source>Heads: %1</source>
        <translation>Heads: %1</translation>
    </message>
</context>
<context>
    <name>MigrationPlanner</name>
    <message>
        <location filename="../model/migrationplanner.cpp" line="19"/>
        <source>The revision history has errors (files Retort could not read, cycles, missing or duplicate revisions), so Retort does not plan on it: alembic would fail or misread it. Run `retort-cli check` and fix them first.</source>
        <translation>Der Revisionsverlauf enthält Fehler (Dateien, die Retort nicht lesen konnte, Zyklen, fehlende oder doppelte Revisionen), daher erstellt Retort keinen Plan dafür: alembic würde scheitern oder ihn falsch lesen. Führen Sie `retort-cli check` aus und beheben Sie zuerst die Fehler.</translation>
    </message>
    <message>
        <location filename="../model/migrationplanner.cpp" line="53"/>
        <source>Step &quot;%1&quot; cannot be applied: %2</source>
        <translation>Schritt „%1“ kann nicht angewendet werden: %2</translation>
    </message>
    <message>
        <location filename="../model/migrationplanner.cpp" line="95"/>
        <source>downgrade -1 from multiple heads is ambiguous; this usage will be disallowed in a future release.</source>
        <translation>downgrade -1 von mehreren Heads aus ist mehrdeutig; diese Verwendung wird in einer zukünftigen Version nicht mehr erlaubt sein.</translation>
    </message>
    <message>
        <location filename="../model/migrationplanner.cpp" line="163"/>
        <source>The version table has rows both above and below %1 (%2), so alembic cannot stamp it. Stamp with purge to replace all rows.</source>
        <translation>Die Versionstabelle hat Zeilen sowohl oberhalb als auch unterhalb von %1 (%2), daher ist stamp für alembic hier nicht möglich. Verwenden Sie stamp mit purge, um alle Zeilen zu ersetzen.</translation>
    </message>
</context>
<context>
    <name>ProjectConfig</name>
    <message>
        <location filename="../model/projectconfig.cpp" line="41"/>
        <source>No config file &apos;%1&apos; found, or file has no &apos;[%2]&apos; section</source>
        <translation>Keine Konfigurationsdatei &apos;%1&apos; gefunden, oder die Datei hat keinen Abschnitt &apos;[%2]&apos;</translation>
    </message>
    <message>
        <location filename="../model/projectconfig.cpp" line="52"/>
        <source>%1 &apos;%2&apos; names a package resource (package:directory), which Retort does not support yet; use a filesystem path such as %(here)s/migrations instead.</source>
        <translation>%1 &apos;%2&apos; bezeichnet eine Paketressource (package:directory), die Retort noch nicht unterstützt; verwenden Sie stattdessen einen Dateisystempfad wie %(here)s/migrations.</translation>
    </message>
    <message>
        <location filename="../model/projectconfig.cpp" line="71"/>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location filename="../model/projectconfig.cpp" line="81"/>
        <source>%1 line %2 is not valid TOML: %3</source>
        <translation>%1, Zeile %2 ist kein gültiges TOML: %3</translation>
    </message>
    <message>
        <location filename="../model/projectconfig.cpp" line="91"/>
        <source>Incorrect TOML format: [tool.alembic] in %1 is not a table.</source>
        <translation>Falsches TOML-Format: [tool.alembic] in %1 ist keine Tabelle.</translation>
    </message>
    <message>
        <location filename="../model/projectconfig.cpp" line="118"/>
        <source>Cannot format TOML parameter &apos;%1&apos; in %2: &apos;%(%3)s&apos; is unknown; only %(here)s is available. Write a literal percent sign as %%.</source>
        <translation>TOML-Parameter &apos;%1&apos; in %2 kann nicht formatiert werden: &apos;%(%3)s&apos; ist unbekannt; nur %(here)s ist verfügbar. Schreiben Sie ein wörtliches Prozentzeichen als %%.</translation>
    </message>
    <message>
        <location filename="../model/projectconfig.cpp" line="126"/>
        <source>Cannot format TOML parameter &apos;%1&apos; in %2: unsupported format at &apos;%3&apos;. Use %(here)s, and write a literal percent sign as %%.</source>
        <translation>TOML-Parameter &apos;%1&apos; in %2 kann nicht formatiert werden: nicht unterstütztes Format bei &apos;%3&apos;. Verwenden Sie %(here)s und schreiben Sie ein wörtliches Prozentzeichen als %%.</translation>
    </message>
    <message>
        <location filename="../model/projectconfig.cpp" line="204"/>
        <location filename="../model/projectconfig.cpp" line="363"/>
        <source>TOML parameter &apos;%1&apos; in %2 must be a list of strings.</source>
        <translation>TOML-Parameter &apos;%1&apos; in %2 muss eine Liste von Zeichenketten sein.</translation>
    </message>
    <message>
        <location filename="../model/projectconfig.cpp" line="219"/>
        <source>unsupported TOML value type for key: &apos;%1&apos;</source>
        <translation>nicht unterstützter TOML-Werttyp für Schlüssel: &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../model/projectconfig.cpp" line="259"/>
        <location filename="../model/projectconfig.cpp" line="403"/>
        <source>TOML parameter &apos;%1&apos; in %2 must be a string.</source>
        <translation>TOML-Parameter &apos;%1&apos; in %2 muss eine Zeichenkette sein.</translation>
    </message>
    <message>
        <location filename="../model/projectconfig.cpp" line="278"/>
        <source>boolean value expected for TOML parameter &apos;%1&apos;</source>
        <translation>Boolescher Wert für TOML-Parameter &apos;%1&apos; erwartet</translation>
    </message>
    <message>
        <location filename="../model/projectconfig.cpp" line="304"/>
        <source>&apos;%1&apos; is not a valid value for path_separator; expected &apos;space&apos;, &apos;newline&apos;, &apos;os&apos;, &apos;:&apos;, &apos;;&apos;</source>
        <translation>&apos;%1&apos; ist kein gültiger Wert für path_separator; erwartet: &apos;space&apos;, &apos;newline&apos;, &apos;os&apos;, &apos;:&apos;, &apos;;&apos;</translation>
    </message>
    <message>
        <location filename="../model/projectconfig.cpp" line="306"/>
        <source>&apos;%1&apos; is not a valid value for version_path_separator; expected &apos;space&apos;, &apos;os&apos;, &apos;:&apos;, &apos;;&apos;</source>
        <translation>&apos;%1&apos; ist kein gültiger Wert für version_path_separator; erwartet: &apos;space&apos;, &apos;os&apos;, &apos;:&apos;, &apos;;&apos;</translation>
    </message>
    <message>
        <location filename="../model/projectconfig.cpp" line="309"/>
        <source>(alembic.ini does not strip inline comments: put the comment on its own line, as alembic 1.8.1&apos;s own template forgot to.)</source>
        <translation>(alembic.ini entfernt keine Kommentare am Zeilenende: Setzen Sie den Kommentar in eine eigene Zeile – was die Vorlage von alembic 1.8.1 selbst versäumt hat.)</translation>
    </message>
    <message>
        <location filename="../model/projectconfig.cpp" line="400"/>
        <source>No &apos;script_location&apos; key found in configuration.</source>
        <translation>Kein Schlüssel &apos;script_location&apos; in der Konfiguration gefunden.</translation>
    </message>
    <message>
        <location filename="../model/projectconfig.cpp" line="420"/>
        <source>invalid literal for int() with base 10: &apos;%1&apos; (truncate_slug_length in %2)</source>
        <translation>ungültiges Literal für int() mit Basis 10: &apos;%1&apos; (truncate_slug_length in %2)</translation>
    </message>
    <message>
        <location filename="../model/projectconfig.cpp" line="426"/>
        <source>TOML parameter &apos;%1&apos; in %2 must be an integer.</source>
        <translation>TOML-Parameter &apos;%1&apos; in %2 muss eine Ganzzahl sein.</translation>
    </message>
    <message>
        <location filename="../model/projectconfig.cpp" line="504"/>
        <source>revision_environment = &apos;%1&apos; in %2 is not a boolean (true/false, yes/no, on/off, y/n, t/f, 1/0); `alembic revision` will fail.</source>
        <translation>revision_environment = &apos;%1&apos; in %2 ist kein boolescher Wert (true/false, yes/no, on/off, y/n, t/f, 1/0); `alembic revision` wird fehlschlagen.</translation>
    </message>
    <message>
        <location filename="../model/projectconfig.cpp" line="578"/>
        <source>%1 does not exist; only %2 is read.</source>
        <translation>%1 existiert nicht; nur %2 wird gelesen.</translation>
    </message>
    <message>
        <location filename="../model/projectconfig.cpp" line="653"/>
        <source>&apos;%1&apos; does not exist.</source>
        <translation>&apos;%1&apos; existiert nicht.</translation>
    </message>
    <message>
        <location filename="../model/projectconfig.cpp" line="660"/>
        <source>&apos;%1&apos; is neither a file nor a directory.</source>
        <translation>&apos;%1&apos; ist weder eine Datei noch ein Verzeichnis.</translation>
    </message>
    <message>
        <location filename="../model/projectconfig.cpp" line="678"/>
        <source>&apos;%1&apos; is not an alembic project: it holds no alembic.ini, no pyproject.toml with a [tool.alembic] table, no env.py or versions/ folder (a script location) and no *.py revision files (a versions folder).</source>
        <translation>&apos;%1&apos; ist kein Alembic-Projekt: Es enthält keine alembic.ini, keine pyproject.toml mit einer Tabelle [tool.alembic], weder env.py noch einen Ordner versions/ (ein Skriptverzeichnis) und keine *.py-Revisionsdateien (ein Versionsordner).</translation>
    </message>
</context>
<context>
    <name>PythonParser</name>
    <message>
        <location filename="../model/pythonparser.cpp" line="207"/>
        <location filename="../model/pythonparser.cpp" line="858"/>
        <source>unexpected indent</source>
        <translation>unerwartete Einrückung</translation>
    </message>
    <message>
        <location filename="../model/pythonparser.cpp" line="436"/>
        <source>invalid string literal %1</source>
        <translation>ungültiges Zeichenkettenliteral %1</translation>
    </message>
    <message>
        <location filename="../model/pythonparser.cpp" line="444"/>
        <source>cannot mix bytes and nonbytes literals</source>
        <translation>Bytes- und Nicht-Bytes-Literale können nicht gemischt werden</translation>
    </message>
    <message>
        <location filename="../model/pythonparser.cpp" line="770"/>
        <source>invalid function definition</source>
        <translation>ungültige Funktionsdefinition</translation>
    </message>
    <message>
        <location filename="../model/pythonparser.cpp" line="781"/>
        <source>expected &apos;:&apos; at the end of the definition of &apos;%1&apos;</source>
        <translation>&apos;:&apos; am Ende der Definition von &apos;%1&apos; erwartet</translation>
    </message>
    <message>
        <location filename="../model/pythonparser.cpp" line="841"/>
        <source>expected an indented block after &apos;%1&apos; statement on line %2</source>
        <translation>eingerückter Block nach der &apos;%1&apos;-Anweisung in Zeile %2 erwartet</translation>
    </message>
</context>
<context>
    <name>PythonTokenizer</name>
    <message>
        <location filename="../model/pythontokenizer.cpp" line="333"/>
        <source>inconsistent use of tabs and spaces in indentation</source>
        <translation>inkonsistente Verwendung von Tabulatoren und Leerzeichen bei der Einrückung</translation>
    </message>
    <message>
        <location filename="../model/pythontokenizer.cpp" line="354"/>
        <source>unindent does not match any outer indentation level</source>
        <translation>Ausrückung passt zu keiner äußeren Einrückungsebene</translation>
    </message>
    <message>
        <location filename="../model/pythontokenizer.cpp" line="381"/>
        <location filename="../model/pythontokenizer.cpp" line="527"/>
        <source>&apos;%1&apos; was never closed</source>
        <translation>&apos;%1&apos; wurde nie geschlossen</translation>
    </message>
    <message>
        <location filename="../model/pythontokenizer.cpp" line="425"/>
        <location filename="../model/pythontokenizer.cpp" line="440"/>
        <source>unterminated string literal (detected at line %1)</source>
        <translation>nicht abgeschlossenes Zeichenkettenliteral (erkannt in Zeile %1)</translation>
    </message>
    <message>
        <location filename="../model/pythontokenizer.cpp" line="438"/>
        <source>unterminated triple-quoted string literal (detected at line %1)</source>
        <translation>nicht abgeschlossenes Zeichenkettenliteral in dreifachen Anführungszeichen (erkannt in Zeile %1)</translation>
    </message>
    <message>
        <location filename="../model/pythontokenizer.cpp" line="496"/>
        <source>unmatched &apos;%1&apos;</source>
        <translation>&apos;%1&apos; ohne Gegenstück</translation>
    </message>
    <message>
        <location filename="../model/pythontokenizer.cpp" line="507"/>
        <source>closing parenthesis &apos;%1&apos; does not match opening parenthesis &apos;%2&apos;</source>
        <translation>schließende Klammer &apos;%1&apos; passt nicht zur öffnenden Klammer &apos;%2&apos;</translation>
    </message>
    <message>
        <location filename="../model/pythontokenizer.cpp" line="509"/>
        <source>closing parenthesis &apos;%1&apos; does not match opening parenthesis &apos;%2&apos; on line %3</source>
        <translation>schließende Klammer &apos;%1&apos; passt nicht zur öffnenden Klammer &apos;%2&apos; in Zeile %3</translation>
    </message>
    <message>
        <location filename="../model/pythontokenizer.cpp" line="589"/>
        <source>unexpected end of file after a line continuation character</source>
        <translation>unerwartetes Dateiende nach einem Zeilenfortsetzungszeichen</translation>
    </message>
    <message>
        <location filename="../model/pythontokenizer.cpp" line="593"/>
        <source>unexpected character after line continuation character</source>
        <translation>unerwartetes Zeichen nach einem Zeilenfortsetzungszeichen</translation>
    </message>
    <message>
        <location filename="../model/pythontokenizer.cpp" line="637"/>
        <source>invalid character &apos;%1&apos; (U+%2)</source>
        <translation>ungültiges Zeichen &apos;%1&apos; (U+%2)</translation>
    </message>
    <message>
        <location filename="../model/pythontokenizer.cpp" line="667"/>
        <source>unknown encoding &apos;%1&apos; in the coding declaration; reading the file as UTF-8</source>
        <translation>unbekannte Kodierung &apos;%1&apos; in der coding-Deklaration; die Datei wird als UTF-8 gelesen</translation>
    </message>
    <message>
        <location filename="../model/pythontokenizer.cpp" line="672"/>
        <source>the file starts with a UTF-8 byte order mark but declares the encoding &apos;%1&apos;</source>
        <translation>die Datei beginnt mit einer UTF-8-Bytereihenfolgemarkierung, deklariert aber die Kodierung &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../model/pythontokenizer.cpp" line="698"/>
        <source>a byte cannot be decoded with the declared encoding &apos;%1&apos;; it was replaced</source>
        <translation>ein Byte kann mit der deklarierten Kodierung &apos;%1&apos; nicht dekodiert werden; es wurde ersetzt</translation>
    </message>
    <message>
        <location filename="../model/pythontokenizer.cpp" line="710"/>
        <source>the file is not valid UTF-8; undecodable bytes were replaced. Save it as UTF-8 or declare its encoding in a coding comment</source>
        <translation>die Datei ist kein gültiges UTF-8; nicht dekodierbare Bytes wurden ersetzt. Speichern Sie sie als UTF-8 oder deklarieren Sie ihre Kodierung in einem coding-Kommentar</translation>
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
        <location filename="../app/cli/cliarguments.cpp" line="89"/>
        <source>Unknown option %1.</source>
        <translation>Unbekannte Option %1.</translation>
    </message>
    <message>
        <location filename="../app/cli/cliarguments.cpp" line="107"/>
        <source>Usage: retort-cli [project options] COMMAND [options]

Reads an Alembic project natively (no Python) and answers as alembic would.

Project options (default: alembic.ini, else pyproject.toml, in the current folder):
  -c, --config PATH     alembic.ini, pyproject.toml, a script location or a versions folder
  -n, --name NAME       the ini section to read (default: alembic)
  --versions DIR        a versions folder without a config file; repeat for several

Commands:
  heads [-v] [--resolve-dependencies]   the head revisions
  history [-r START:END] [-v]           revisions, newest first
  branches [-v]                         branch points and their children
  show REV                              one revision in detail
  plan upgrade|downgrade TARGET --from REV[,REV...]
  plan stamp TARGET... --from REV[,REV...] [--purge]
                                        the steps and version rows, without a database
  graph --format json|dot|svg|png [-o FILE] [--left-to-right] [--expand-all]
                                        the whole revision graph, as data or as the picture
                                        the GUI draws (png needs -o)
  check                                 problems in the history; exit 1 on any error

Common options:
  --json                machine-readable output (see README.md)
  -h, --help            this help
  --version             the version
</source>
        <translation>Aufruf: retort-cli [Projektoptionen] BEFEHL [Optionen]

Liest ein Alembic-Projekt direkt (ohne Python) und antwortet so, wie alembic es tun würde.

Projektoptionen (Vorgabe: alembic.ini, sonst pyproject.toml im aktuellen Ordner):
  -c, --config PATH     alembic.ini, pyproject.toml, ein Skriptverzeichnis oder ein Versionsordner
  -n, --name NAME       der zu lesende INI-Abschnitt (Vorgabe: alembic)
  --versions DIR        ein Versionsordner ohne Konfigurationsdatei; für mehrere wiederholen

Befehle:
  heads [-v] [--resolve-dependencies]   die Head-Revisionen
  history [-r START:END] [-v]           Revisionen, neueste zuerst
  branches [-v]                         Verzweigungspunkte und ihre Kinder
  show REV                              eine Revision im Detail
  plan upgrade|downgrade TARGET --from REV[,REV...]
  plan stamp TARGET... --from REV[,REV...] [--purge]
                                        die Schritte und Versionszeilen, ohne Datenbank
  graph --format json|dot|svg|png [-o FILE] [--left-to-right] [--expand-all]
                                        der gesamte Revisionsgraph, als Daten oder als das Bild,
                                        das die GUI zeichnet (png benötigt -o)
  check                                 Probleme im Verlauf; Exit-Code 1 bei jedem Fehler

Allgemeine Optionen:
  --json                maschinenlesbare Ausgabe (siehe README.md)
  -h, --help            diese Hilfe
  --version             die Version
</translation>
    </message>
    <message>
        <location filename="../app/cli/clicommands.cpp" line="95"/>
        <source>No such versions folder: &apos;%1&apos;.</source>
        <translation>Versionsordner nicht gefunden: &apos;%1&apos;.</translation>
    </message>
    <message>
        <location filename="../app/cli/clicommands.cpp" line="166"/>
        <source>A history range has one colon: [start]:[end].</source>
        <translation>Ein Verlaufsbereich enthält genau einen Doppelpunkt: [start]:[end].</translation>
    </message>
    <message>
        <location filename="../app/cli/clicommands.cpp" line="170"/>
        <source>&apos;current&apos; needs a database connection, which retort-cli history does not take yet.</source>
        <translation>&apos;current&apos; benötigt eine Datenbankverbindung, die retort-cli history noch nicht unterstützt.</translation>
    </message>
    <message>
        <location filename="../app/cli/clicommands.cpp" line="225"/>
        <source>show takes one revision identifier.</source>
        <translation>show erwartet einen Revisionsbezeichner.</translation>
    </message>
    <message>
        <location filename="../app/cli/clicommands.cpp" line="227"/>
        <source>&apos;current&apos; needs a database connection, which retort-cli show does not take yet.</source>
        <translation>&apos;current&apos; benötigt eine Datenbankverbindung, die retort-cli show noch nicht unterstützt.</translation>
    </message>
    <message>
        <location filename="../app/cli/clicommands.cpp" line="295"/>
        <source>plan needs an action and a target: plan upgrade|downgrade|stamp TARGET --from REV[,REV...]</source>
        <translation>plan benötigt eine Aktion und ein Ziel: plan upgrade|downgrade|stamp TARGET --from REV[,REV...]</translation>
    </message>
    <message>
        <location filename="../app/cli/clicommands.cpp" line="305"/>
        <source>%1 takes exactly one target.</source>
        <translation>%1 erwartet genau ein Ziel.</translation>
    </message>
    <message>
        <location filename="../app/cli/clicommands.cpp" line="310"/>
        <source>Unknown plan action &apos;%1&apos;; use upgrade, downgrade or stamp.</source>
        <translation>Unbekannte plan-Aktion &apos;%1&apos;; verwenden Sie upgrade, downgrade oder stamp.</translation>
    </message>
    <message>
        <location filename="../app/cli/clicommands.cpp" line="324"/>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <location filename="../app/cli/clicommands.cpp" line="338"/>
        <source>A PNG picture needs a file: add -o FILE.</source>
        <translation>Ein PNG-Bild benötigt eine Datei: Geben Sie -o FILE an.</translation>
    </message>
    <message>
        <location filename="../app/cli/clicommands.cpp" line="357"/>
        <source>Unknown graph format &apos;%1&apos;; use json, dot, svg or png.</source>
        <translation>Unbekanntes Graphformat &apos;%1&apos;; verwenden Sie json, dot, svg oder png.</translation>
    </message>
    <message>
        <location filename="../app/cli/clicommands.cpp" line="387"/>
        <source>%1 revisions, %2 errors, %3 warnings</source>
        <translation>%1 Revisionen, %2 Fehler, %3 Warnungen</translation>
    </message>
    <message>
        <location filename="../app/cli/clicommands.cpp" line="423"/>
        <source>Unknown command &apos;%1&apos;.</source>
        <translation>Unbekannter Befehl &apos;%1&apos;.</translation>
    </message>
</context>
<context>
    <name>RevisionGraphView</name>
    <message numerus="yes">
        <location filename="../widgets/revisiongraphview.cpp" line="140"/>
        <source>Laying out %n revisions…</source>
        <translation>
            <numerusform>%n Revision wird angeordnet…</numerusform>
            <numerusform>%n Revisionen werden angeordnet…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/revisiongraphview.cpp" line="169"/>
        <source>The graph cannot be drawn: %1</source>
        <translation>Der Graph kann nicht gezeichnet werden: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/revisiongraphview.cpp" line="630"/>
        <source>Expand %n Revisions</source>
        <translation>
            <numerusform>%n Revision ausklappen</numerusform>
            <numerusform>%n Revisionen ausklappen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/revisiongraphview.cpp" line="633"/>
        <source>Show Source</source>
        <translation>Quelltext anzeigen</translation>
    </message>
    <message>
        <location filename="../widgets/revisiongraphview.cpp" line="634"/>
        <source>Show Only This Branch</source>
        <translation>Nur diesen Zweig anzeigen</translation>
    </message>
    <message>
        <location filename="../widgets/revisiongraphview.cpp" line="637"/>
        <source>Show All Branches</source>
        <translation>Alle Zweige anzeigen</translation>
    </message>
    <message>
        <location filename="../widgets/revisiongraphview.cpp" line="639"/>
        <source>Fit to Window</source>
        <translation>An Fenster anpassen</translation>
    </message>
</context>
<context>
    <name>RevisionListModel</name>
    <message>
        <location filename="../model/revisionlistmodel.cpp" line="80"/>
        <source>(missing revision file)</source>
        <translation>(fehlende Revisionsdatei)</translation>
    </message>
    <message>
        <location filename="../model/revisionlistmodel.cpp" line="109"/>
        <source>Graph</source>
        <translation>Graph</translation>
    </message>
    <message>
        <location filename="../model/revisionlistmodel.cpp" line="111"/>
        <source>Revision</source>
        <translation>Revision</translation>
    </message>
    <message>
        <location filename="../model/revisionlistmodel.cpp" line="113"/>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <location filename="../model/revisionlistmodel.cpp" line="115"/>
        <source>Parents</source>
        <translation>Eltern</translation>
    </message>
    <message>
        <location filename="../model/revisionlistmodel.cpp" line="117"/>
        <source>Branch labels</source>
        <translation>Zweig-Labels</translation>
    </message>
    <message>
        <location filename="../model/revisionlistmodel.cpp" line="119"/>
        <source>Flags</source>
        <translation>Merkmale</translation>
    </message>
    <message>
        <location filename="../model/revisionlistmodel.cpp" line="146"/>
        <source>head</source>
        <translation>Head</translation>
    </message>
    <message>
        <location filename="../model/revisionlistmodel.cpp" line="148"/>
        <source>effective head</source>
        <translation>effektiver Head</translation>
    </message>
    <message>
        <location filename="../model/revisionlistmodel.cpp" line="150"/>
        <source>base</source>
        <translation>Basis</translation>
    </message>
    <message>
        <location filename="../model/revisionlistmodel.cpp" line="152"/>
        <source>merge</source>
        <translation>Zusammenführung</translation>
    </message>
    <message>
        <location filename="../model/revisionlistmodel.cpp" line="154"/>
        <source>branch point</source>
        <translation>Verzweigung</translation>
    </message>
    <message>
        <location filename="../model/revisionlistmodel.cpp" line="156"/>
        <source>missing</source>
        <translation>fehlend</translation>
    </message>
    <message>
        <location filename="../model/revisionlistmodel.cpp" line="170"/>
        <source>depends on %1</source>
        <translation>hängt ab von %1</translation>
    </message>
    <message>
        <location filename="../model/revisionlistmodel.cpp" line="171"/>
        <source>%1; %2</source>
        <translation>%1; %2</translation>
    </message>
    <message>
        <location filename="../model/revisionlistmodel.cpp" line="182"/>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <location filename="../model/revisionlistmodel.cpp" line="187"/>
        <source>down_revision: %1
depends_on: %2</source>
        <translation>down_revision: %1
depends_on: %2</translation>
    </message>
</context>
<context>
    <name>RevisionMap</name>
    <message>
        <location filename="../model/revisionengine.cpp" line="76"/>
        <source>The identifier does not lead to a revision (alembic fails here with an AssertionError).</source>
        <translation>Der Bezeichner führt zu keiner Revision (alembic scheitert hier mit einem AssertionError).</translation>
    </message>
    <message>
        <location filename="../model/revisionengine.cpp" line="84"/>
        <source>The revision graph has a cycle, so it cannot be traversed. Run `retort-cli check` to see which revisions form it.</source>
        <translation>Der Revisionsgraph enthält einen Zyklus und kann daher nicht durchlaufen werden. Führen Sie `retort-cli check` aus, um zu sehen, welche Revisionen ihn bilden.</translation>
    </message>
    <message>
        <location filename="../model/revisionengine.cpp" line="209"/>
        <source>An empty revision identifier was given.</source>
        <translation>Es wurde ein leerer Revisionsbezeichner angegeben.</translation>
    </message>
    <message>
        <location filename="../model/revisionengine.cpp" line="379"/>
        <source>Cannot walk up from base.</source>
        <translation>Von base aus ist kein Schritt nach oben möglich.</translation>
    </message>
    <message>
        <location filename="../model/revisionengine.cpp" line="499"/>
        <source>The branch &apos;%1&apos; does not select exactly one current revision (alembic fails here with an AssertionError).</source>
        <translation>Der Zweig &apos;%1&apos; wählt nicht genau eine aktuelle Revision aus (alembic scheitert hier mit einem AssertionError).</translation>
    </message>
    <message>
        <location filename="../model/revisionengine.cpp" line="554"/>
        <source>Revision %1 is used as a branch but does not carry exactly one branch label (alembic fails here with an AssertionError).</source>
        <translation>Revision %1 wird als Zweig verwendet, trägt aber nicht genau ein Zweig-Label (alembic scheitert hier mit einem AssertionError).</translation>
    </message>
    <message>
        <location filename="../model/revisionengine.cpp" line="585"/>
        <source>The lower bound does not lead to a revision (alembic fails here with an AssertionError).</source>
        <translation>Die Untergrenze führt zu keiner Revision (alembic scheitert hier mit einem AssertionError).</translation>
    </message>
    <message>
        <location filename="../model/revisionmap.cpp" line="367"/>
        <source>Dependency cycle is detected in revisions (%1): following down_revision and depends_on leads back to where it started. Remove one of the depends_on entries.</source>
        <translation>Abhängigkeitszyklus in den Revisionen (%1) erkannt: Wer down_revision und depends_on folgt, landet wieder am Ausgangspunkt. Entfernen Sie einen der depends_on-Einträge.</translation>
    </message>
    <message>
        <location filename="../model/revisionmap.cpp" line="373"/>
        <source>Cycle is detected in revisions (%1): following down_revision leads back to where it started. Point one of them at an older revision.</source>
        <translation>Zyklus in den Revisionen (%1) erkannt: Wer down_revision folgt, landet wieder am Ausgangspunkt. Lassen Sie eine von ihnen auf eine ältere Revision verweisen.</translation>
    </message>
    <message>
        <location filename="../model/revisionmap.cpp" line="139"/>
        <source>Self-loop is detected in revisions (%1): the revision names itself in down_revision. Remove its own id from down_revision.</source>
        <translation>Selbstschleife in den Revisionen (%1) erkannt: Die Revision nennt sich selbst in down_revision. Entfernen Sie ihre eigene ID aus down_revision.</translation>
    </message>
    <message>
        <location filename="../model/revisionmap.cpp" line="149"/>
        <source>Dependency self-loop is detected in revisions (%1): the revision names itself in depends_on. Remove its own id from depends_on.</source>
        <translation>Abhängigkeits-Selbstschleife in den Revisionen (%1) erkannt: Die Revision nennt sich selbst in depends_on. Entfernen Sie ihre eigene ID aus depends_on.</translation>
    </message>
    <message>
        <location filename="../model/revisionmap.cpp" line="161"/>
        <source>Revision %1 is present more than once: in %2 and in %3. Alembic uses the later file; give one of them a new revision id.</source>
        <translation>Revision %1 ist mehrfach vorhanden: in %2 und in %3. Alembic verwendet die spätere Datei; geben Sie einer der beiden eine neue Revisions-ID.</translation>
    </message>
    <message>
        <location filename="../model/revisionmap.cpp" line="186"/>
        <source>Branch name &apos;%1&apos; in revision %2 already used by revision %3. Rename one of the labels.</source>
        <translation>Der Zweigname &apos;%1&apos; in Revision %2 wird bereits von Revision %3 verwendet. Benennen Sie eines der Labels um.</translation>
    </message>
    <message>
        <location filename="../model/revisionmap.cpp" line="221"/>
        <source>Revision %1 referenced from %2 is not present: no file declares it. Restore the missing file or point down_revision at an existing revision.</source>
        <translation>Die von %2 referenzierte Revision %1 ist nicht vorhanden: Keine Datei deklariert sie. Stellen Sie die fehlende Datei wieder her oder lassen Sie down_revision auf eine vorhandene Revision verweisen.</translation>
    </message>
    <message>
        <location filename="../model/revisionmap.cpp" line="236"/>
        <source>Revision %1 depends on %2, which is neither a revision nor a branch label. Fix the depends_on entry or restore the missing revision.</source>
        <translation>Revision %1 hängt von %2 ab, das weder eine Revision noch ein Zweig-Label ist. Korrigieren Sie den depends_on-Eintrag oder stellen Sie die fehlende Revision wieder her.</translation>
    </message>
</context>
<context>
    <name>RevisionScript</name>
    <message>
        <location filename="../model/revisionscript.cpp" line="75"/>
        <source>%1 = %2 is not a literal string or tuple of strings, so Retort cannot read it without running Python. Write the value out literally.</source>
        <translation>%1 = %2 ist weder eine literale Zeichenkette noch ein Tupel von Zeichenketten, daher kann Retort den Wert nicht lesen, ohne Python auszuführen. Geben Sie den Wert als Literal an.</translation>
    </message>
    <message>
        <location filename="../model/revisionscript.cpp" line="120"/>
        <source>Alembic cannot import this file until that is fixed.</source>
        <translation>Alembic kann diese Datei erst importieren, wenn das behoben ist.</translation>
    </message>
    <message>
        <location filename="../model/revisionscript.cpp" line="125"/>
        <source>The file is empty, so it declares no revision. Delete it or write the revision header into it.</source>
        <translation>Die Datei ist leer und deklariert daher keine Revision. Löschen Sie sie oder schreiben Sie den Revisionskopf hinein.</translation>
    </message>
    <message>
        <location filename="../model/revisionscript.cpp" line="135"/>
        <source>revision = &apos;&apos; is an empty revision id. Give the revision an id, e.g. the one in its file name.</source>
        <translation>revision = &apos;&apos; ist eine leere Revisions-ID. Geben Sie der Revision eine ID, z. B. die aus ihrem Dateinamen.</translation>
    </message>
    <message>
        <location filename="../model/revisionscript.cpp" line="143"/>
        <source>revision = %1 is not a literal string, so Retort cannot read the revision id. Write it as revision = &apos;abc123&apos;.</source>
        <translation>revision = %1 ist keine literale Zeichenkette, daher kann Retort die Revisions-ID nicht lesen. Schreiben Sie sie als revision = &apos;abc123&apos;.</translation>
    </message>
    <message>
        <location filename="../model/revisionscript.cpp" line="157"/>
        <source>Could not determine revision id from filename %1. Be sure the &apos;revision&apos; variable is declared inside the script.</source>
        <translation>Die Revisions-ID konnte nicht aus dem Dateinamen %1 ermittelt werden. Stellen Sie sicher, dass die Variable &apos;revision&apos; im Skript deklariert ist.</translation>
    </message>
    <message>
        <location filename="../model/revisionscript.cpp" line="168"/>
        <source>Character(s) &apos;%1&apos; not allowed in revision identifier &apos;%2&apos;. Choose an id made of letters, digits and underscores.</source>
        <translation>Zeichen &apos;%1&apos; im Revisionsbezeichner &apos;%2&apos; nicht erlaubt. Wählen Sie eine ID aus Buchstaben, Ziffern und Unterstrichen.</translation>
    </message>
    <message>
        <location filename="../model/revisionscript.cpp" line="184"/>
        <source>down_revision = %1 is not None, a string or a tuple of strings, so Retort cannot tell this revision&apos;s parents. Write the parent ids out literally.</source>
        <translation>down_revision = %1 ist weder None noch eine Zeichenkette noch ein Tupel von Zeichenketten, daher kann Retort die Eltern dieser Revision nicht bestimmen. Geben Sie die IDs der Eltern als Literale an.</translation>
    </message>
    <message>
        <location filename="../model/revisionscript.cpp" line="191"/>
        <source>The file has no down_revision variable, which alembic requires. Add down_revision = None for a base, or the parent revision id.</source>
        <translation>Der Datei fehlt die Variable down_revision, die alembic voraussetzt. Ergänzen Sie down_revision = None für eine Basisrevision oder die ID der Elternrevision.</translation>
    </message>
    <message>
        <location filename="../model/revisionscript.cpp" line="217"/>
        <source>The file name starts with %1 but the file declares revision %2. Rename the file or check that it was not copied without updating its header.</source>
        <translation>Der Dateiname beginnt mit %1, aber die Datei deklariert Revision %2. Benennen Sie die Datei um oder prüfen Sie, ob sie kopiert wurde, ohne ihren Kopf anzupassen.</translation>
    </message>
</context>
<context>
    <name>ScriptDirectory</name>
    <message>
        <location filename="../model/scriptdirectory.cpp" line="123"/>
        <source>Path doesn&apos;t exist: &apos;%1&apos;. Create the versions folder or set version_locations.</source>
        <translation>Pfad existiert nicht: &apos;%1&apos;. Legen Sie den Versionsordner an oder setzen Sie version_locations.</translation>
    </message>
    <message>
        <location filename="../model/scriptdirectory.cpp" line="156"/>
        <source>File %1 loaded twice! ignoring. Please ensure version_locations is unique.</source>
        <translation>Datei %1 zweimal geladen! Wird ignoriert. Bitte stellen Sie sicher, dass version_locations eindeutig ist.</translation>
    </message>
    <message>
        <location filename="../model/scriptdirectory.cpp" line="176"/>
        <source>%1 is compiled Python without its source; Retort reads revisions from source files only. Keep the .py file next to it.</source>
        <translation>%1 ist kompiliertes Python ohne Quelltext; Retort liest Revisionen nur aus Quelldateien. Legen Sie die .py-Datei daneben.</translation>
    </message>
    <message>
        <location filename="../model/scriptdirectory.cpp" line="214"/>
        <source>Cannot read %1: %2.</source>
        <translation>%1 kann nicht gelesen werden: %2.</translation>
    </message>
</context>
<context>
    <name>SourceView</name>
    <message>
        <location filename="../widgets/sourceview.cpp" line="180"/>
        <source>Source</source>
        <translation>Quelltext</translation>
    </message>
    <message>
        <location filename="../widgets/sourceview.cpp" line="181"/>
        <source>upgrade()</source>
        <translation>upgrade()</translation>
    </message>
    <message>
        <location filename="../widgets/sourceview.cpp" line="182"/>
        <source>downgrade()</source>
        <translation>downgrade()</translation>
    </message>
    <message>
        <location filename="../widgets/sourceview.cpp" line="192"/>
        <source>Select a revision to see its source.</source>
        <translation>Wählen Sie eine Revision aus, um ihren Quelltext zu sehen.</translation>
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
        <source>Choose an alembic.ini, a pyproject.toml or a folder.</source>
        <translation>Wählen Sie eine alembic.ini, eine pyproject.toml oder einen Ordner.</translation>
    </message>
    <message>
        <location filename="../widgets/welcomepage.cpp" line="47"/>
        <source>Recent projects</source>
        <translation>Zuletzt geöffnete Projekte</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/gui/main.cpp" line="76"/>
        <source>A desktop studio for Alembic migration histories.</source>
        <translation>Ein Desktop-Studio für Alembic-Migrationsverläufe.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="79"/>
        <source>Open the bundled sample project.</source>
        <translation>Das mitgelieferte Beispielprojekt öffnen.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="81"/>
        <source>Save a picture of the window to FILE and quit.</source>
        <translation>Ein Bild des Fensters in DATEI speichern und beenden.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="82"/>
        <source>FILE</source>
        <translation>DATEI</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="84"/>
        <source>Use a dark palette (e.g. for screenshots).</source>
        <translation>Eine dunkle Farbpalette verwenden (z. B. für Bildschirmfotos).</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="89"/>
        <source>An alembic.ini, a pyproject.toml or a folder.</source>
        <translation>Eine alembic.ini, eine pyproject.toml oder ein Ordner.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="90"/>
        <source>[PATH]</source>
        <translation>[PFAD]</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="108"/>
        <source>Cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
</context>
</TS>
