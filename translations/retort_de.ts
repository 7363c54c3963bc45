<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Checks</name>
    <message>
        <location filename="../model/checks.cpp" line="19"/>
        <source>The history has %1 heads (%2); `alembic upgrade head` fails until they are merged with `alembic merge heads`.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DetailsPane</name>
    <message>
        <location filename="../widgets/detailspane.cpp" line="28"/>
        <source>missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/detailspane.cpp" line="45"/>
        <source>Select a revision to see its details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/detailspane.cpp" line="82"/>
        <source>Alembic cannot use this file, so it has no place in the graph.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/detailspane.cpp" line="124"/>
        <source>No file declares this revision, yet other revisions name it. Alembic refuses to run until it exists: restore the file or correct the revisions that refer to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/detailspane.cpp" line="136"/>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/detailspane.cpp" line="137"/>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/detailspane.cpp" line="140"/>
        <source>Branch labels</source>
        <translation type="unfinished">Zweig-Labels</translation>
    </message>
    <message>
        <location filename="../widgets/detailspane.cpp" line="141"/>
        <source>Parents</source>
        <translation type="unfinished">Eltern</translation>
    </message>
    <message>
        <location filename="../widgets/detailspane.cpp" line="141"/>
        <source>none (a base)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/detailspane.cpp" line="143"/>
        <source>Depends on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/detailspane.cpp" line="144"/>
        <source>Children</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/detailspane.cpp" line="144"/>
        <source>none (a head)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/detailspane.cpp" line="150"/>
        <source>Needed by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/detailspane.cpp" line="156"/>
        <source>line %1: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/detailspane.cpp" line="161"/>
        <source>Problems</source>
        <translation type="unfinished">Probleme</translation>
    </message>
</context>
<context>
    <name>GraphExporter</name>
    <message>
        <location filename="../widgets/graphexporter.cpp" line="46"/>
        <source>Alembic revision graph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/graphexporter.cpp" line="47"/>
        <source>Alembic revision graph drawn by Retort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/graphexporter.cpp" line="79"/>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/graphexporter.cpp" line="95"/>
        <source>Cannot draw the graph as a PNG image: it is too large. Export it as SVG instead.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GraphLayout</name>
    <message>
        <location filename="../model/graphlayout.cpp" line="122"/>
        <source>Graphviz could not create a graph.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/graphlayout.cpp" line="152"/>
        <source>An edge names a node that does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/graphlayout.cpp" line="169"/>
        <source>Graphviz could not lay out the graph: %1 Check that the Graphviz plugins are installed and configured (run `dot -c` as root).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GraphOverview</name>
    <message>
        <location filename="../widgets/graphoverview.cpp" line="20"/>
        <source>Overview: click or drag to move the graph</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GraphPainter</name>
    <message>
        <location filename="../widgets/graphpainter.cpp" line="182"/>
        <source>HEAD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/graphpainter.cpp" line="184"/>
        <source>MERGE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/graphpainter.cpp" line="187"/>
        <source>BRANCH</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/graphpainter.cpp" line="189"/>
        <source>BASE</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GraphPicture</name>
    <message numerus="yes">
        <location filename="../widgets/graphpicture.cpp" line="45"/>
        <source>%n revisions</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/graphpicture.cpp" line="46"/>
        <source>%1 … %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/graphpicture.cpp" line="52"/>
        <source>missing revision</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HeadMaintainer</name>
    <message>
        <location filename="../model/headmaintainer.cpp" line="49"/>
        <source>Cannot insert %1: the version table already has that row.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/headmaintainer.cpp" line="61"/>
        <source>Cannot delete %1: the version table has no such row (alembic stops here with a KeyError).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/headmaintainer.cpp" line="75"/>
        <source>Cannot update %1 to %2: the version table already has %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/headmaintainer.cpp" line="81"/>
        <source>Cannot update %1 to %2: the version table has no row %1 (alembic stops here with a KeyError).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/headmaintainer.cpp" line="137"/>
        <source>This stamp step has nothing to move from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/headmaintainer.cpp" line="153"/>
        <source>Cannot merge into %1: every parent is implied by another row.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/headmaintainer.cpp" line="177"/>
        <source>Can&apos;t do an UPDATE because downrevision is ambiguous</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IniConfig</name>
    <message>
        <location filename="../model/iniconfig.cpp" line="78"/>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/iniconfig.cpp" line="101"/>
        <source>%1 starts with a UTF-8 byte-order mark, which Python&apos;s ConfigParser (used by alembic) does not skip; alembic will not find the first section. Save the file without a BOM.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/iniconfig.cpp" line="111"/>
        <source>%1 is not valid UTF-8; alembic cannot read it. Invalid bytes were replaced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/iniconfig.cpp" line="164"/>
        <source>Section [%1] appears more than once in %2 (again at line %3); Python&apos;s ConfigParser (used by alembic) rejects the file. Merge the sections.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/iniconfig.cpp" line="181"/>
        <source>%1 has text before its first section header (line %2: &apos;%3&apos;); Python&apos;s ConfigParser (used by alembic) rejects the file. Start the file with a section such as [alembic].</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/iniconfig.cpp" line="201"/>
        <source>%1 line %2 is neither a section header, a &apos;name = value&apos; option nor a comment: &apos;%3&apos;; Python&apos;s ConfigParser (used by alembic) rejects the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/iniconfig.cpp" line="211"/>
        <source>Option &apos;%1&apos; is set more than once in section [%2] of %3 (again at line %4); Python&apos;s ConfigParser (used by alembic) rejects the file. Remove one of them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/iniconfig.cpp" line="314"/>
        <source>No section [%1] in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/iniconfig.cpp" line="318"/>
        <source>No option &apos;%1&apos; in section [%2] of %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/iniconfig.cpp" line="327"/>
        <source>option &apos;%1&apos; in section [%2] of %3 (line %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/iniconfig.cpp" line="333"/>
        <source>Recursion limit exceeded in value substitution: %1 cannot be substituted in %2 steps. Raw value: &apos;%3&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/iniconfig.cpp" line="354"/>
        <source>Bad interpolation variable reference in %1: &apos;%2&apos;. Use %(name)s, and write a literal percent sign as %%.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/iniconfig.cpp" line="363"/>
        <source>Bad value substitution: %1 refers to &apos;%(%2)s&apos;, but there is no option &apos;%2&apos; in that section or in [DEFAULT]. Raw value: &apos;%3&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/iniconfig.cpp" line="375"/>
        <source>Bad interpolation syntax in %1: &apos;%&apos; must be followed by &apos;%&apos; or &apos;(&apos;, found: &apos;%2&apos;. Write a literal percent sign as %%.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="107"/>
        <source>Retort</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="137"/>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="140"/>
        <source>Open &amp;Demo</source>
        <translation>&amp;Demo öffnen</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="142"/>
        <source>Open the bundled sample project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="144"/>
        <source>Re&amp;load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="148"/>
        <source>&amp;Export Graph…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="151"/>
        <source>Save the graph as SVG, PNG or Graphviz DOT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="153"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="157"/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="158"/>
        <source>&amp;Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="163"/>
        <source>Find &amp;Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="165"/>
        <source>Find &amp;Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="168"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="169"/>
        <source>&amp;Fit to Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="173"/>
        <source>Zoom to &amp;Selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="176"/>
        <source>Zoom &amp;In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="179"/>
        <source>Zoom &amp;Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="182"/>
        <source>&amp;Actual Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="186"/>
        <source>&amp;Left to Right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="189"/>
        <source>Draw the history from left to right instead of bottom to top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="191"/>
        <source>&amp;Collapse Long Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="195"/>
        <source>In histories of over %1 revisions, show runs of plain revisions as one card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="198"/>
        <source>List in &amp;History Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="204"/>
        <source>Show All &amp;Branches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="210"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="211"/>
        <source>&amp;About Retort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="219"/>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="622"/>
        <source>Several heads: `alembic upgrade head` will refuse; merge them or upgrade to `heads`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="636"/>
        <source>No recent projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="638"/>
        <source>&amp;Clear Menu</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="362"/>
        <source>Reloading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="362"/>
        <source>Opening %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="387"/>
        <source>Cannot reload: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="393"/>
        <source>Cannot Open Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="394"/>
        <source>Retort could not open %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="422"/>
        <source>Retort — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="440"/>
        <source>Cannot Open Demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="440"/>
        <source>The sample project is not installed next to Retort.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/mainwindow.cpp" line="488"/>
        <source>%n matches</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="506"/>
        <source>Open Alembic Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="507"/>
        <source>Alembic configuration (alembic.ini *.ini pyproject.toml);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="519"/>
        <source>There is no graph to export yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="524"/>
        <source>Choose a file name ending in .svg, .png or .dot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="539"/>
        <source>Export Graph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="540"/>
        <source>SVG image (*.svg);;PNG image (*.png);;Graphviz DOT (*.dot)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="549"/>
        <source>Exported the graph to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="551"/>
        <source>Cannot Export Graph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="556"/>
        <source>About Retort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="557"/>
        <source>&lt;h3&gt;Retort %1&lt;/h3&gt;&lt;p&gt;A desktop studio for Alembic migration histories.&lt;/p&gt;&lt;p&gt;Licensed under the GNU General Public License, version 3 or later.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="569"/>
        <source>%1:%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="570"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="573"/>
        <source>%1
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="577"/>
        <source>No problems found.</source>
        <translation>Keine Probleme gefunden.</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="610"/>
        <source>No project open. Use File ▸ Open… or File ▸ Open Demo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="617"/>
        <source>Revisions: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="619"/>
        <source>Heads: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MigrationPlanner</name>
    <message>
        <location filename="../model/migrationplanner.cpp" line="19"/>
        <source>The revision history has errors (files Retort could not read, cycles, missing or duplicate revisions), so Retort does not plan on it: alembic would fail or misread it. Run `retort-cli check` and fix them first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/migrationplanner.cpp" line="53"/>
        <source>Step &quot;%1&quot; cannot be applied: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/migrationplanner.cpp" line="95"/>
        <source>downgrade -1 from multiple heads is ambiguous; this usage will be disallowed in a future release.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/migrationplanner.cpp" line="163"/>
        <source>The version table has rows both above and below %1 (%2), so alembic cannot stamp it. Stamp with purge to replace all rows.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProjectConfig</name>
    <message>
        <location filename="../model/projectconfig.cpp" line="41"/>
        <source>No config file &apos;%1&apos; found, or file has no &apos;[%2]&apos; section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/projectconfig.cpp" line="52"/>
        <source>%1 &apos;%2&apos; names a package resource (package:directory), which Retort does not support yet; use a filesystem path such as %(here)s/migrations instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/projectconfig.cpp" line="71"/>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/projectconfig.cpp" line="81"/>
        <source>%1 line %2 is not valid TOML: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/projectconfig.cpp" line="91"/>
        <source>Incorrect TOML format: [tool.alembic] in %1 is not a table.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/projectconfig.cpp" line="118"/>
        <source>Cannot format TOML parameter &apos;%1&apos; in %2: &apos;%(%3)s&apos; is unknown; only %(here)s is available. Write a literal percent sign as %%.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/projectconfig.cpp" line="126"/>
        <source>Cannot format TOML parameter &apos;%1&apos; in %2: unsupported format at &apos;%3&apos;. Use %(here)s, and write a literal percent sign as %%.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/projectconfig.cpp" line="204"/>
        <location filename="../model/projectconfig.cpp" line="363"/>
        <source>TOML parameter &apos;%1&apos; in %2 must be a list of strings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/projectconfig.cpp" line="219"/>
        <source>unsupported TOML value type for key: &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/projectconfig.cpp" line="259"/>
        <location filename="../model/projectconfig.cpp" line="403"/>
        <source>TOML parameter &apos;%1&apos; in %2 must be a string.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/projectconfig.cpp" line="278"/>
        <source>boolean value expected for TOML parameter &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/projectconfig.cpp" line="304"/>
        <source>&apos;%1&apos; is not a valid value for path_separator; expected &apos;space&apos;, &apos;newline&apos;, &apos;os&apos;, &apos;:&apos;, &apos;;&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/projectconfig.cpp" line="306"/>
        <source>&apos;%1&apos; is not a valid value for version_path_separator; expected &apos;space&apos;, &apos;os&apos;, &apos;:&apos;, &apos;;&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/projectconfig.cpp" line="309"/>
        <source>(alembic.ini does not strip inline comments: put the comment on its own line, as alembic 1.8.1&apos;s own template forgot to.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/projectconfig.cpp" line="400"/>
        <source>No &apos;script_location&apos; key found in configuration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/projectconfig.cpp" line="420"/>
        <source>invalid literal for int() with base 10: &apos;%1&apos; (truncate_slug_length in %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/projectconfig.cpp" line="426"/>
        <source>TOML parameter &apos;%1&apos; in %2 must be an integer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/projectconfig.cpp" line="504"/>
        <source>revision_environment = &apos;%1&apos; in %2 is not a boolean (true/false, yes/no, on/off, y/n, t/f, 1/0); `alembic revision` will fail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/projectconfig.cpp" line="578"/>
        <source>%1 does not exist; only %2 is read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/projectconfig.cpp" line="653"/>
        <source>&apos;%1&apos; does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/projectconfig.cpp" line="660"/>
        <source>&apos;%1&apos; is neither a file nor a directory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/projectconfig.cpp" line="678"/>
        <source>&apos;%1&apos; is not an alembic project: it holds no alembic.ini, no pyproject.toml with a [tool.alembic] table, no env.py or versions/ folder (a script location) and no *.py revision files (a versions folder).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PythonParser</name>
    <message>
        <location filename="../model/pythonparser.cpp" line="207"/>
        <location filename="../model/pythonparser.cpp" line="858"/>
        <source>unexpected indent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/pythonparser.cpp" line="436"/>
        <source>invalid string literal %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/pythonparser.cpp" line="444"/>
        <source>cannot mix bytes and nonbytes literals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/pythonparser.cpp" line="770"/>
        <source>invalid function definition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/pythonparser.cpp" line="781"/>
        <source>expected &apos;:&apos; at the end of the definition of &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/pythonparser.cpp" line="841"/>
        <source>expected an indented block after &apos;%1&apos; statement on line %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PythonTokenizer</name>
    <message>
        <location filename="../model/pythontokenizer.cpp" line="333"/>
        <source>inconsistent use of tabs and spaces in indentation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/pythontokenizer.cpp" line="354"/>
        <source>unindent does not match any outer indentation level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/pythontokenizer.cpp" line="381"/>
        <location filename="../model/pythontokenizer.cpp" line="527"/>
        <source>&apos;%1&apos; was never closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/pythontokenizer.cpp" line="425"/>
        <location filename="../model/pythontokenizer.cpp" line="440"/>
        <source>unterminated string literal (detected at line %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/pythontokenizer.cpp" line="438"/>
        <source>unterminated triple-quoted string literal (detected at line %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/pythontokenizer.cpp" line="496"/>
        <source>unmatched &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/pythontokenizer.cpp" line="507"/>
        <source>closing parenthesis &apos;%1&apos; does not match opening parenthesis &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/pythontokenizer.cpp" line="509"/>
        <source>closing parenthesis &apos;%1&apos; does not match opening parenthesis &apos;%2&apos; on line %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/pythontokenizer.cpp" line="589"/>
        <source>unexpected end of file after a line continuation character</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/pythontokenizer.cpp" line="593"/>
        <source>unexpected character after line continuation character</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/pythontokenizer.cpp" line="637"/>
        <source>invalid character &apos;%1&apos; (U+%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/pythontokenizer.cpp" line="667"/>
        <source>unknown encoding &apos;%1&apos; in the coding declaration; reading the file as UTF-8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/pythontokenizer.cpp" line="672"/>
        <source>the file starts with a UTF-8 byte order mark but declares the encoding &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/pythontokenizer.cpp" line="698"/>
        <source>a byte cannot be decoded with the declared encoding &apos;%1&apos;; it was replaced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/pythontokenizer.cpp" line="710"/>
        <source>the file is not valid UTF-8; undecodable bytes were replaced. Save it as UTF-8 or declare its encoding in a coding comment</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RetortCli</name>
    <message>
        <location filename="../app/cli/cliarguments.cpp" line="40"/>
        <source>Option %1 needs a value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cliarguments.cpp" line="89"/>
        <source>Unknown option %1.</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/clicommands.cpp" line="95"/>
        <source>No such versions folder: &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/clicommands.cpp" line="166"/>
        <source>A history range has one colon: [start]:[end].</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/clicommands.cpp" line="170"/>
        <source>&apos;current&apos; needs a database connection, which retort-cli history does not take yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/clicommands.cpp" line="225"/>
        <source>show takes one revision identifier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/clicommands.cpp" line="227"/>
        <source>&apos;current&apos; needs a database connection, which retort-cli show does not take yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/clicommands.cpp" line="295"/>
        <source>plan needs an action and a target: plan upgrade|downgrade|stamp TARGET --from REV[,REV...]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/clicommands.cpp" line="305"/>
        <source>%1 takes exactly one target.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/clicommands.cpp" line="310"/>
        <source>Unknown plan action &apos;%1&apos;; use upgrade, downgrade or stamp.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/clicommands.cpp" line="324"/>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/clicommands.cpp" line="338"/>
        <source>A PNG picture needs a file: add -o FILE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/clicommands.cpp" line="357"/>
        <source>Unknown graph format &apos;%1&apos;; use json, dot, svg or png.</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/revisiongraphview.cpp" line="169"/>
        <source>The graph cannot be drawn: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/revisiongraphview.cpp" line="630"/>
        <source>Expand %n Revisions</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/revisiongraphview.cpp" line="633"/>
        <source>Show Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/revisiongraphview.cpp" line="634"/>
        <source>Show Only This Branch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/revisiongraphview.cpp" line="637"/>
        <source>Show All Branches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/revisiongraphview.cpp" line="639"/>
        <source>Fit to Window</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RevisionListModel</name>
    <message>
        <location filename="../model/revisionlistmodel.cpp" line="80"/>
        <source>(missing revision file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/revisionlistmodel.cpp" line="109"/>
        <source>Graph</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/revisionlistmodel.cpp" line="148"/>
        <source>effective head</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/revisionlistmodel.cpp" line="150"/>
        <source>base</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/revisionlistmodel.cpp" line="152"/>
        <source>merge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/revisionlistmodel.cpp" line="154"/>
        <source>branch point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/revisionlistmodel.cpp" line="156"/>
        <source>missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/revisionlistmodel.cpp" line="170"/>
        <source>depends on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/revisionlistmodel.cpp" line="171"/>
        <source>%1; %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/revisionlistmodel.cpp" line="182"/>
        <source>%1
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/revisionlistmodel.cpp" line="187"/>
        <source>down_revision: %1
depends_on: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RevisionMap</name>
    <message>
        <location filename="../model/revisionengine.cpp" line="76"/>
        <source>The identifier does not lead to a revision (alembic fails here with an AssertionError).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/revisionengine.cpp" line="84"/>
        <source>The revision graph has a cycle, so it cannot be traversed. Run `retort-cli check` to see which revisions form it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/revisionengine.cpp" line="209"/>
        <source>An empty revision identifier was given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/revisionengine.cpp" line="379"/>
        <source>Cannot walk up from base.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/revisionengine.cpp" line="499"/>
        <source>The branch &apos;%1&apos; does not select exactly one current revision (alembic fails here with an AssertionError).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/revisionengine.cpp" line="554"/>
        <source>Revision %1 is used as a branch but does not carry exactly one branch label (alembic fails here with an AssertionError).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/revisionengine.cpp" line="585"/>
        <source>The lower bound does not lead to a revision (alembic fails here with an AssertionError).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/revisionmap.cpp" line="367"/>
        <source>Dependency cycle is detected in revisions (%1): following down_revision and depends_on leads back to where it started. Remove one of the depends_on entries.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/revisionmap.cpp" line="373"/>
        <source>Cycle is detected in revisions (%1): following down_revision leads back to where it started. Point one of them at an older revision.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/revisionmap.cpp" line="139"/>
        <source>Self-loop is detected in revisions (%1): the revision names itself in down_revision. Remove its own id from down_revision.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/revisionmap.cpp" line="149"/>
        <source>Dependency self-loop is detected in revisions (%1): the revision names itself in depends_on. Remove its own id from depends_on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/revisionmap.cpp" line="161"/>
        <source>Revision %1 is present more than once: in %2 and in %3. Alembic uses the later file; give one of them a new revision id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/revisionmap.cpp" line="186"/>
        <source>Branch name &apos;%1&apos; in revision %2 already used by revision %3. Rename one of the labels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/revisionmap.cpp" line="221"/>
        <source>Revision %1 referenced from %2 is not present: no file declares it. Restore the missing file or point down_revision at an existing revision.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/revisionmap.cpp" line="236"/>
        <source>Revision %1 depends on %2, which is neither a revision nor a branch label. Fix the depends_on entry or restore the missing revision.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RevisionScript</name>
    <message>
        <location filename="../model/revisionscript.cpp" line="75"/>
        <source>%1 = %2 is not a literal string or tuple of strings, so Retort cannot read it without running Python. Write the value out literally.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/revisionscript.cpp" line="120"/>
        <source>Alembic cannot import this file until that is fixed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/revisionscript.cpp" line="125"/>
        <source>The file is empty, so it declares no revision. Delete it or write the revision header into it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/revisionscript.cpp" line="135"/>
        <source>revision = &apos;&apos; is an empty revision id. Give the revision an id, e.g. the one in its file name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/revisionscript.cpp" line="143"/>
        <source>revision = %1 is not a literal string, so Retort cannot read the revision id. Write it as revision = &apos;abc123&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/revisionscript.cpp" line="157"/>
        <source>Could not determine revision id from filename %1. Be sure the &apos;revision&apos; variable is declared inside the script.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/revisionscript.cpp" line="168"/>
        <source>Character(s) &apos;%1&apos; not allowed in revision identifier &apos;%2&apos;. Choose an id made of letters, digits and underscores.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/revisionscript.cpp" line="184"/>
        <source>down_revision = %1 is not None, a string or a tuple of strings, so Retort cannot tell this revision&apos;s parents. Write the parent ids out literally.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/revisionscript.cpp" line="191"/>
        <source>The file has no down_revision variable, which alembic requires. Add down_revision = None for a base, or the parent revision id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/revisionscript.cpp" line="217"/>
        <source>The file name starts with %1 but the file declares revision %2. Rename the file or check that it was not copied without updating its header.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScriptDirectory</name>
    <message>
        <location filename="../model/scriptdirectory.cpp" line="123"/>
        <source>Path doesn&apos;t exist: &apos;%1&apos;. Create the versions folder or set version_locations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/scriptdirectory.cpp" line="156"/>
        <source>File %1 loaded twice! ignoring. Please ensure version_locations is unique.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/scriptdirectory.cpp" line="176"/>
        <source>%1 is compiled Python without its source; Retort reads revisions from source files only. Keep the .py file next to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model/scriptdirectory.cpp" line="214"/>
        <source>Cannot read %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SourceView</name>
    <message>
        <location filename="../widgets/sourceview.cpp" line="180"/>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/sourceview.cpp" line="181"/>
        <source>upgrade()</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/sourceview.cpp" line="182"/>
        <source>downgrade()</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/sourceview.cpp" line="192"/>
        <source>Select a revision to see its source.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../widgets/welcomepage.cpp" line="17"/>
        <source>Open the Sample Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/welcomepage.cpp" line="18"/>
        <source>A shop history with branches, a merge, branch labels and a depends_on, with an SQLite database next to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/welcomepage.cpp" line="28"/>
        <source>Welcome to Retort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/welcomepage.cpp" line="33"/>
        <source>See every branch, merge and dependency of an Alembic migration history. Open an alembic.ini, a pyproject.toml or a migrations folder, or drop one onto this window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/welcomepage.cpp" line="39"/>
        <source>Open a Project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/welcomepage.cpp" line="39"/>
        <source>Choose an alembic.ini, a pyproject.toml or a folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/welcomepage.cpp" line="47"/>
        <source>Recent projects</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/gui/main.cpp" line="76"/>
        <source>A desktop studio for Alembic migration histories.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="79"/>
        <source>Open the bundled sample project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="81"/>
        <source>Save a picture of the window to FILE and quit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="82"/>
        <source>FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="84"/>
        <source>Use a dark palette (e.g. for screenshots).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="89"/>
        <source>An alembic.ini, a pyproject.toml or a folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="90"/>
        <source>[PATH]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="108"/>
        <source>Cannot write %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
