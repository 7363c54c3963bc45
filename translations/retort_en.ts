<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AlembicRun</name>
    <message numerus="yes">
        <location filename="../model/runner/alembicrun.cpp" line="34"/>
        <source>alembic finished: %n step(s) ran.</source>
        <translation>
            <numerusform>alembic finished: %n step ran.</numerusform>
            <numerusform>alembic finished: %n steps ran.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../model/runner/alembicrun.cpp" line="37"/>
        <source>alembic failed in &quot;%1&quot; after %n step(s): %2</source>
        <translation>
            <numerusform>alembic failed in &quot;%1&quot; after %n step: %2</numerusform>
            <numerusform>alembic failed in &quot;%1&quot; after %n steps: %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../model/runner/alembicrun.cpp" line="42"/>
        <source>Cancelled after %n step(s); the step that was running was rolled back where the database allows it. Check the version rows before going on.</source>
        <translation>
            <numerusform>Cancelled after %n step; the step that was running was rolled back where the database allows it. Check the version rows before going on.</numerusform>
            <numerusform>Cancelled after %n steps; the step that was running was rolled back where the database allows it. Check the version rows before going on.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DatabaseCommands</name>
    <message numerus="yes">
        <location filename="../app/cli/databasecommands.cpp" line="104"/>
        <source>Head %1: %n pending</source>
        <translation>
            <numerusform>Head %1: %n pending</numerusform>
            <numerusform>Head %1: %n pending</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DeleteCommand</name>
    <message numerus="yes">
        <location filename="../app/cli/deletecommand.cpp" line="190"/>
        <source>Not deleted: there are %n warning(s); read them, then add --yes to delete.</source>
        <translation>
            <numerusform>Not deleted: there is %n warning; read it, then add --yes to delete.</numerusform>
            <numerusform>Not deleted: there are %n warnings; read them, then add --yes to delete.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EnvironmentBar</name>
    <message numerus="yes">
        <location filename="../widgets/environmentbar.cpp" line="42"/>
        <source>read %n min ago</source>
        <translation>
            <numerusform>read %n min ago</numerusform>
            <numerusform>read %n min ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/environmentbar.cpp" line="43"/>
        <source>read %n h ago</source>
        <translation>
            <numerusform>read %n h ago</numerusform>
            <numerusform>read %n h ago</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EnvironmentSummary</name>
    <message numerus="yes">
        <location filename="../model/database/environmentsummary.cpp" line="72"/>
        <source>%n pending</source>
        <translation>
            <numerusform>%n pending</numerusform>
            <numerusform>%n pending</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../model/database/environmentsummary.cpp" line="76"/>
        <source>%n unknown row(s): %1</source>
        <translation>
            <numerusform>%n unknown row: %1</numerusform>
            <numerusform>%n unknown rows: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GitStatus</name>
    <message numerus="yes">
        <location filename="../model/edits/gitstatus.cpp" line="47"/>
        <source>git did not answer within %n second(s)</source>
        <translation>
            <numerusform>git did not answer within %n second</numerusform>
            <numerusform>git did not answer within %n seconds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GraphLayout</name>
    <message numerus="yes">
        <location filename="../model/graph/graphlayout.cpp" line="41"/>
        <source>%n cards are more than Graphviz lays out in reasonable time</source>
        <translation>
            <numerusform>%n card is more than Graphviz lays out in reasonable time</numerusform>
            <numerusform>%n cards are more than Graphviz lays out in reasonable time</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GraphPicture</name>
    <message numerus="yes">
        <location filename="../model/graph/graphpicture.cpp" line="62"/>
        <source>%n revisions</source>
        <translation>
            <numerusform>%n revision</numerusform>
            <numerusform>%n revisions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HeaderEvaluator</name>
    <message numerus="yes">
        <location filename="../model/python/headerevaluator.cpp" line="157"/>
        <source>loading it did not finish within %n second(s)</source>
        <translation>
            <numerusform>loading it did not finish within %n second</numerusform>
            <numerusform>loading it did not finish within %n seconds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LayoutProcess</name>
    <message numerus="yes">
        <location filename="../model/graph/layoutprocess.cpp" line="113"/>
        <source>Graphviz did not finish within %n seconds</source>
        <translation>
            <numerusform>Graphviz did not finish within %n second</numerusform>
            <numerusform>Graphviz did not finish within %n seconds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../widgets/mainwindow.cpp" line="561"/>
        <source>%n matches</source>
        <translation>
            <numerusform>%n match</numerusform>
            <numerusform>%n matches</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MigrateCommands</name>
    <message numerus="yes">
        <location filename="../app/cli/migratecommands.cpp" line="251"/>
        <source>Not run: the plan has %n warning(s); read them, then add --yes to run it.</source>
        <translation>
            <numerusform>Not run: the plan has %n warning; read it, then add --yes to run it.</numerusform>
            <numerusform>Not run: the plan has %n warnings; read them, then add --yes to run it.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MigrationDialog</name>
    <message numerus="yes">
        <location filename="../widgets/migrationdialog.cpp" line="257"/>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2 → &lt;b&gt;%3&lt;/b&gt;, %n step(s) run by alembic, then the rows are checked.</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;: %2 → &lt;b&gt;%3&lt;/b&gt;, %n step run by alembic, then the rows are checked.</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;: %2 → &lt;b&gt;%3&lt;/b&gt;, %n steps run by alembic, then the rows are checked.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/migrationdialog.cpp" line="466"/>
        <source>The SQL of the %n step(s), as alembic writes it offline: nothing was run on the database.</source>
        <translation>
            <numerusform>The SQL of the %n step, as alembic writes it offline: nothing was run on the database.</numerusform>
            <numerusform>The SQL of the %n steps, as alembic writes it offline: nothing was run on the database.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/migrationdialog.cpp" line="527"/>
        <source>Done: %n step(s) ran. Version rows: %1.</source>
        <translation>
            <numerusform>Done: %n step ran. Version rows: %1.</numerusform>
            <numerusform>Done: %n steps ran. Version rows: %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ModelComparison</name>
    <message numerus="yes">
        <location filename="../model/schema/modelcomparison.cpp" line="381"/>
        <source>Comparing with the models took longer than %n second(s) and was stopped; env.py or the database may be waiting for something (a lock, a network connection).</source>
        <translation>
            <numerusform>Comparing with the models took longer than %n second and was stopped; env.py or the database may be waiting for something (a lock, a network connection).</numerusform>
            <numerusform>Comparing with the models took longer than %n seconds and was stopped; env.py or the database may be waiting for something (a lock, a network connection).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlanPreview</name>
    <message numerus="yes">
        <location filename="../model/history/planpreview.cpp" line="34"/>
        <source>the database will claim %n revision(s) whose upgrade() never ran here: %1</source>
        <translation>
            <numerusform>the database will claim %n revision whose upgrade() never ran here: %1</numerusform>
            <numerusform>the database will claim %n revisions whose upgrade() never ran here: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../model/history/planpreview.cpp" line="37"/>
        <source>%n revision(s) will count as not applied although their upgrade() ran: %1</source>
        <translation>
            <numerusform>%n revision will count as not applied although its upgrade() ran: %1</numerusform>
            <numerusform>%n revisions will count as not applied although their upgrade() ran: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../model/history/planpreview.cpp" line="40"/>
        <source>%n row(s) naming no revision of this project will be removed: %1</source>
        <translation>
            <numerusform>%n row naming no revision of this project will be removed: %1</numerusform>
            <numerusform>%n rows naming no revision of this project will be removed: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../model/history/planpreview.cpp" line="42"/>
        <source>%n step(s) drop schema objects or delete data: %1</source>
        <translation>
            <numerusform>%n step drops schema objects or deletes data: %1</numerusform>
            <numerusform>%n steps drop schema objects or delete data: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../model/history/planpreview.cpp" line="44"/>
        <source>%n step(s) add a NOT NULL column without a server default: %1</source>
        <translation>
            <numerusform>%n step adds a NOT NULL column without a server default: %1</numerusform>
            <numerusform>%n steps add a NOT NULL column without a server default: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../model/history/planpreview.cpp" line="46"/>
        <source>the downgrade() of %n revision(s) does nothing, so the version rows move while the schema stays: %1</source>
        <translation>
            <numerusform>the downgrade() of %n revision does nothing, so the version rows move while the schema stays: %1</numerusform>
            <numerusform>the downgrade() of %n revisions does nothing, so the version rows move while the schema stays: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../model/history/planpreview.cpp" line="51"/>
        <source>the downgrade() of %n revision(s) raises, so the run fails there: %1</source>
        <translation>
            <numerusform>the downgrade() of %n revision raises, so the run fails there: %1</numerusform>
            <numerusform>the downgrade() of %n revisions raises, so the run fails there: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../model/history/planpreview.cpp" line="53"/>
        <source>%n revision(s) of other branches are reverted too, because they depend on revisions this downgrade reverts: %1</source>
        <translation>
            <numerusform>%n revision of another branch is reverted too, because it depends on revisions this downgrade reverts: %1</numerusform>
            <numerusform>%n revisions of other branches are reverted too, because they depend on revisions this downgrade reverts: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../model/history/planpreview.cpp" line="58"/>
        <source>%n revision(s) of other branches are applied too, because revisions of this upgrade depend on them: %1</source>
        <translation>
            <numerusform>%n revision of another branch is applied too, because revisions of this upgrade depend on it: %1</numerusform>
            <numerusform>%n revisions of other branches are applied too, because revisions of this upgrade depend on them: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../model/history/planpreview.cpp" line="65"/>
        <source>%n revision(s) to apply cannot be downgraded later (downgrade() missing, empty or raising): %1</source>
        <translation>
            <numerusform>%n revision to apply cannot be downgraded later (downgrade() missing, empty or raising): %1</numerusform>
            <numerusform>%n revisions to apply cannot be downgraded later (downgrade() missing, empty or raising): %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProjectConfig</name>
    <message numerus="yes">
        <location filename="../model/project/projectconfig.cpp" line="732"/>
        <source>%1 of %n version folder(s) present</source>
        <translation>
            <numerusform>%1 of %n version folder present</numerusform>
            <numerusform>%1 of %n version folders present</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RemovalDialog</name>
    <message numerus="yes">
        <location filename="../widgets/removaldialog.cpp" line="58"/>
        <source>With its descendants (%n more revision(s))</source>
        <translation>
            <numerusform>With its descendants (%n more revision)</numerusform>
            <numerusform>With its descendants (%n more revisions)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RetortCli</name>
    <message numerus="yes">
        <location filename="../app/cli/clicommands.cpp" line="438"/>
        <source>%n revision(s)</source>
        <translation>
            <numerusform>%n revision</numerusform>
            <numerusform>%n revisions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/cli/clicommands.cpp" line="439"/>
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/cli/clicommands.cpp" line="440"/>
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RevisionGraphView</name>
    <message numerus="yes">
        <location filename="../widgets/revisiongraphview.cpp" line="195"/>
        <source>Laying out %n revisions…</source>
        <translation>
            <numerusform>Laying out %n revision…</numerusform>
            <numerusform>Laying out %n revisions…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/revisiongraphview.cpp" line="484"/>
        <source>Only the ancestors and descendants of %1 are shown (%n revision(s)). &lt;a href=&apos;#all&apos;&gt;Show All Branches&lt;/a&gt;</source>
        <translation>
            <numerusform>Only the ancestors and descendants of %1 are shown (%n revision). &lt;a href=&apos;#all&apos;&gt;Show All Branches&lt;/a&gt;</numerusform>
            <numerusform>Only the ancestors and descendants of %1 are shown (%n revisions). &lt;a href=&apos;#all&apos;&gt;Show All Branches&lt;/a&gt;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/revisiongraphview.cpp" line="994"/>
        <source>Expand %n Revisions</source>
        <translation>
            <numerusform>Expand %n Revision</numerusform>
            <numerusform>Expand %n Revisions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SchemaCommands</name>
    <message numerus="yes">
        <location filename="../app/cli/schemacommands.cpp" line="188"/>
        <source>Schema of %1 (%2): %n table(s)</source>
        <translation>
            <numerusform>Schema of %1 (%2): %n table</numerusform>
            <numerusform>Schema of %1 (%2): %n tables</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/cli/schemacommands.cpp" line="325"/>
        <source>%n difference(s)</source>
        <translation>
            <numerusform>%n difference</numerusform>
            <numerusform>%n differences</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/cli/schemacommands.cpp" line="334"/>
        <source>… %n more (-v shows all)</source>
        <translation>
            <numerusform>… %n more (-v shows all)</numerusform>
            <numerusform>… %n more (-v shows all)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SchemaDialog</name>
    <message numerus="yes">
        <location filename="../widgets/schemadialog.cpp" line="460"/>
        <source>%n column(s)</source>
        <translation>
            <numerusform>%n column</numerusform>
            <numerusform>%n columns</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/schemadialog.cpp" line="482"/>
        <source>%n type(s)</source>
        <translation>
            <numerusform>%n type</numerusform>
            <numerusform>%n types</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/schemadialog.cpp" line="490"/>
        <source>%n view(s)</source>
        <translation>
            <numerusform>%n view</numerusform>
            <numerusform>%n views</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/schemadialog.cpp" line="500"/>
        <source>%n table(s), read from the database&apos;s catalog.</source>
        <translation>
            <numerusform>%n table, read from the database&apos;s catalog.</numerusform>
            <numerusform>%n tables, read from the database&apos;s catalog.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/schemadialog.cpp" line="680"/>
        <source>%n difference(s) between the database and the models (env.py&apos;s target_metadata), as %1 finds them; alembic revision --autogenerate would write them into a new revision.</source>
        <translation>
            <numerusform>%n difference between the database and the models (env.py&apos;s target_metadata), as %1 finds it; alembic revision --autogenerate would write it into a new revision.</numerusform>
            <numerusform>%n differences between the database and the models (env.py&apos;s target_metadata), as %1 finds them; alembic revision --autogenerate would write them into a new revision.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/schemadialog.cpp" line="691"/>
        <source>%n difference(s) from the schema the migrations give at %1.</source>
        <translation>
            <numerusform>%n difference from the schema the migrations give at %1.</numerusform>
            <numerusform>%n differences from the schema the migrations give at %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/schemadialog.cpp" line="694"/>
        <source>&amp;Drift (%n)</source>
        <translation>
            <numerusform>&amp;Drift (%n)</numerusform>
            <numerusform>&amp;Drift (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/schemadialog.cpp" line="698"/>
        <source>Approximate: %n statement(s) of the migrations could not be followed; the expected schema after them may be wrong:</source>
        <translation>
            <numerusform>Approximate: %n statement of the migrations could not be followed; the expected schema after it may be wrong:</numerusform>
            <numerusform>Approximate: %n statements of the migrations could not be followed; the expected schema after them may be wrong:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/schemadialog.cpp" line="712"/>
        <source>… and %n more (see the tooltip)</source>
        <translation>
            <numerusform>… and %n more (see the tooltip)</numerusform>
            <numerusform>… and %n more (see the tooltip)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/schemadialog.cpp" line="758"/>
        <source>(%n revisions together)</source>
        <translation>
            <numerusform>(%n revision)</numerusform>
            <numerusform>(%n revisions together)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/schemadialog.cpp" line="785"/>
        <source>No revision gives exactly this schema; the closest is %1 (%n difference(s)).</source>
        <translation>
            <numerusform>No revision gives exactly this schema; the closest is %1 (%n difference).</numerusform>
            <numerusform>No revision gives exactly this schema; the closest is %1 (%n differences).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SchemaReport</name>
    <message numerus="yes">
        <location filename="../model/schema/schemareport.cpp" line="41"/>
        <source>%n difference(s).</source>
        <translation>
            <numerusform>%n difference.</numerusform>
            <numerusform>%n differences.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../model/schema/schemareport.cpp" line="48"/>
        <source>Approximate: %n statement(s) of the migrations could not be followed; the expected schema after them may be wrong:</source>
        <translation>
            <numerusform>Approximate: %n statement of the migrations could not be followed; the expected schema after it may be wrong:</numerusform>
            <numerusform>Approximate: %n statements of the migrations could not be followed; the expected schema after them may be wrong:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../model/schema/schemareport.cpp" line="75"/>
        <source>schema drift: %n difference(s)</source>
        <translation>
            <numerusform>schema drift: %n difference</numerusform>
            <numerusform>schema drift: %n differences</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../model/schema/schemareport.cpp" line="106"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScriptDirectory</name>
    <message numerus="yes">
        <location filename="../model/project/scriptdirectory.cpp" line="359"/>
        <source>%1 holds %n revision file(s) that alembic does not read. Add the folder to version_locations, or set recursive_version_locations = true (alembic 1.10 or newer).</source>
        <translation>
            <numerusform>%1 holds %n revision file that alembic does not read. Add the folder to version_locations, or set recursive_version_locations = true (alembic 1.10 or newer).</numerusform>
            <numerusform>%1 holds %n revision files that alembic does not read. Add the folder to version_locations, or set recursive_version_locations = true (alembic 1.10 or newer).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../model/project/scriptdirectory.cpp" line="363"/>
        <source>%1 holds %n revision file(s) that alembic does not read. Set recursive_version_locations = true (alembic 1.10 or newer), or set version_locations to the versions folder and this one.</source>
        <translation>
            <numerusform>%1 holds %n revision file that alembic does not read. Set recursive_version_locations = true (alembic 1.10 or newer), or set version_locations to the versions folder and this one.</numerusform>
            <numerusform>%1 holds %n revision files that alembic does not read. Set recursive_version_locations = true (alembic 1.10 or newer), or set version_locations to the versions folder and this one.</numerusform>
        </translation>
    </message>
</context>
</TS>
