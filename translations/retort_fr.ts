<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../widgets/aboutdialog.cpp" line="32"/>
        <source>%1 (built with %2)</source>
        <translation>%1 (compilé avec %2)</translation>
    </message>
    <message>
        <location filename="../widgets/aboutdialog.cpp" line="36"/>
        <source>built-in (Python and SQL)</source>
        <translation>intégrée (Python et SQL)</translation>
    </message>
    <message>
        <location filename="../widgets/aboutdialog.cpp" line="38"/>
        <source>system keychain (QtKeychain)</source>
        <translation>trousseau du système (QtKeychain)</translation>
    </message>
    <message>
        <location filename="../widgets/aboutdialog.cpp" line="38"/>
        <source>kept for the session only</source>
        <translation>conservés pour la session seulement</translation>
    </message>
    <message>
        <location filename="../widgets/aboutdialog.cpp" line="39"/>
        <source>&lt;h3&gt;Retort %1&lt;/h3&gt;&lt;p&gt;A desktop studio for Alembic migration histories.&lt;/p&gt;&lt;p&gt;Licensed under the GNU General Public License, version 3 or later.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Retort %1&lt;/h3&gt;&lt;p&gt;Un studio de bureau pour les historiques de migrations Alembic.&lt;/p&gt;&lt;p&gt;Distribué sous la licence publique générale GNU, version 3 ou ultérieure.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../widgets/aboutdialog.cpp" line="43"/>
        <source>Highlighting</source>
        <translation>Coloration syntaxique</translation>
    </message>
    <message>
        <location filename="../widgets/aboutdialog.cpp" line="43"/>
        <source>Passwords</source>
        <translation>Mots de passe</translation>
    </message>
    <message>
        <location filename="../widgets/aboutdialog.cpp" line="44"/>
        <source>System</source>
        <translation>Système</translation>
    </message>
    <message>
        <location filename="../widgets/aboutdialog.cpp" line="49"/>
        <source>About Retort</source>
        <translation>À propos de Retort</translation>
    </message>
</context>
<context>
    <name>AlembicInvocation</name>
    <message>
        <location filename="../model/runner/alembicinvocation.cpp" line="170"/>
        <source>This is a Flask-Migrate project (its env.py uses Flask&apos;s current_app), so Retort runs flask db %1 inside the Flask app, and FLASK_APP does not say which app that is: add FLASK_APP=module:app (or FLASK_APP=module) to the environment&apos;s variables.</source>
        <translation>Ceci est un projet Flask-Migrate (son env.py utilise le current_app de Flask)&#xa0;; Retort exécute donc flask db %1 dans l&apos;application Flask, et FLASK_APP n&apos;indique pas de quelle application il s&apos;agit&#xa0;: ajoutez FLASK_APP=module:app (ou FLASK_APP=module) aux variables de l&apos;environnement.</translation>
    </message>
</context>
<context>
    <name>AlembicRun</name>
    <message numerus="yes">
        <location filename="../model/runner/alembicrun.cpp" line="34"/>
        <source>alembic finished: %n step(s) ran.</source>
        <translation>
            <numerusform>alembic a terminé&#xa0;: %n étape exécutée.</numerusform>
            <numerusform>alembic a terminé&#xa0;: %n étapes exécutées.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../model/runner/alembicrun.cpp" line="37"/>
        <source>alembic failed in &quot;%1&quot; after %n step(s): %2</source>
        <translation>
            <numerusform>alembic a échoué dans «&#xa0;%1&#xa0;» après %n étape&#xa0;: %2</numerusform>
            <numerusform>alembic a échoué dans «&#xa0;%1&#xa0;» après %n étapes&#xa0;: %2</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../model/runner/alembicrun.cpp" line="40"/>
        <source>alembic failed before any step ran: %1</source>
        <translation>alembic a échoué avant l&apos;exécution de la moindre étape&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../model/runner/alembicrun.cpp" line="42"/>
        <source>Cancelled after %n step(s); the step that was running was rolled back where the database allows it. Check the version rows before going on.</source>
        <translation>
            <numerusform>Annulé après %n étape&#xa0;; l&apos;étape en cours a fait l&apos;objet d&apos;un retour arrière (rollback) dans la mesure où la base de données le permet. Vérifiez les lignes de version avant de continuer.</numerusform>
            <numerusform>Annulé après %n étapes&#xa0;; l&apos;étape en cours a fait l&apos;objet d&apos;un retour arrière (rollback) dans la mesure où la base de données le permet. Vérifiez les lignes de version avant de continuer.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../model/runner/alembicrun.cpp" line="46"/>
        <source>Nothing ran: %1</source>
        <translation>Rien n&apos;a été exécuté&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../model/runner/alembicrun.cpp" line="48"/>
        <source>Nothing ran: the database&apos;s revisions changed since the plan was made; they are %1 now. Look at the new state and preview again.</source>
        <translation>Rien n&apos;a été exécuté&#xa0;: les révisions de la base de données ont changé depuis l&apos;établissement du plan&#xa0;; ce sont maintenant %1. Examinez le nouvel état et générez de nouveau l&apos;aperçu.</translation>
    </message>
    <message>
        <location filename="../model/runner/alembicrun.cpp" line="50"/>
        <source>(none)</source>
        <translation>(aucune)</translation>
    </message>
    <message>
        <location filename="../model/runner/alembicrun.cpp" line="52"/>
        <source>alembic could not be started: %1</source>
        <translation>alembic n&apos;a pas pu être démarré&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../model/runner/alembicrun.cpp" line="249"/>
        <source>exit code %1</source>
        <translation>code de sortie %1</translation>
    </message>
</context>
<context>
    <name>Checks</name>
    <message>
        <location filename="../model/history/checks.cpp" line="46"/>
        <source>The history has %1 heads (%2), each on its own branch label: separate lines of work. `alembic upgrade heads` upgrades them all and `alembic upgrade LABEL@head` one of them; `alembic upgrade head` refuses while there are several.</source>
        <translation>L&apos;historique comporte %1 têtes (%2), chacune avec sa propre étiquette de branche&#xa0;: des lignes de travail distinctes. `alembic upgrade heads` les met toutes à niveau et `alembic upgrade LABEL@head` une seule d&apos;entre elles&#xa0;; `alembic upgrade head` refuse tant qu&apos;il y en a plusieurs.</translation>
    </message>
    <message>
        <location filename="../model/history/checks.cpp" line="52"/>
        <source>The history has %1 heads (%2): `alembic upgrade heads` upgrades them all, while `alembic upgrade head` refuses. If they are branches of one line of work, join them with `alembic merge heads`; give lines meant to stay separate their own branch labels.</source>
        <translation>L&apos;historique comporte %1 têtes (%2)&#xa0;: `alembic upgrade heads` les met toutes à niveau, tandis que `alembic upgrade head` refuse. Si elles sont des branches d&apos;une même ligne de travail, réunissez-les avec `alembic merge heads`&#xa0;; donnez aux lignes destinées à rester séparées leurs propres étiquettes de branche.</translation>
    </message>
</context>
<context>
    <name>DatabaseCommands</name>
    <message>
        <location filename="../app/cli/databasetarget.cpp" line="38"/>
        <source>Give either --url or --env, not both.</source>
        <translation>Indiquez soit --url, soit --env, mais pas les deux.</translation>
    </message>
    <message>
        <location filename="../app/cli/databasetarget.cpp" line="45"/>
        <source>--url - reads the URL from standard input, which gave none.</source>
        <translation>--url - lit l&apos;URL depuis l&apos;entrée standard, qui n&apos;en a fourni aucune.</translation>
    </message>
    <message>
        <location filename="../app/cli/databasetarget.cpp" line="52"/>
        <source>The environment variable %1, named by --url-env, is not set.</source>
        <translation>La variable d&apos;environnement %1, désignée par --url-env, n&apos;est pas définie.</translation>
    </message>
    <message>
        <location filename="../app/cli/databasetarget.cpp" line="73"/>
        <source>No database: give --url URL or --env NAME, or set sqlalchemy.url in the config.</source>
        <translation>Aucune base de données&#xa0;: indiquez --url URL ou --env NAME, ou définissez sqlalchemy.url dans la configuration.</translation>
    </message>
    <message>
        <location filename="../app/cli/databasecommands.cpp" line="61"/>
        <location filename="../app/cli/databasecommands.cpp" line="112"/>
        <source>Current revision(s) for %1 are not head(s)</source>
        <translation>La ou les révisions actuelles de %1 ne sont pas la ou les têtes</translation>
    </message>
    <message>
        <location filename="../app/cli/databasecommands.cpp" line="90"/>
        <source>Database: %1</source>
        <translation>Base de données&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../app/cli/databasecommands.cpp" line="92"/>
        <source>Version table: %1 does not exist (not under Alembic control)</source>
        <translation>Table des versions&#xa0;: %1 n&apos;existe pas (non gérée par Alembic)</translation>
    </message>
    <message>
        <location filename="../app/cli/databasecommands.cpp" line="96"/>
        <source>Version table: %1</source>
        <translation>Table des versions&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../app/cli/databasecommands.cpp" line="97"/>
        <source>Rows: %1</source>
        <translation>Lignes&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../app/cli/databasecommands.cpp" line="98"/>
        <location filename="../app/cli/databasecommands.cpp" line="146"/>
        <location filename="../app/cli/databasecommands.cpp" line="147"/>
        <location filename="../app/cli/databasecommands.cpp" line="171"/>
        <source>(none)</source>
        <translation>(aucune)</translation>
    </message>
    <message>
        <location filename="../app/cli/databasecommands.cpp" line="101"/>
        <source>Applied: %1 of %2 revisions</source>
        <translation>Appliquées&#xa0;: %1 révisions sur %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/cli/databasecommands.cpp" line="104"/>
        <source>Head %1: %n pending</source>
        <translation>
            <numerusform>Tête %1&#xa0;: %n en attente</numerusform>
            <numerusform>Tête %1&#xa0;: %n en attente</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/cli/databasecommands.cpp" line="157"/>
        <source>Warning: %1</source>
        <translation>Avertissement&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../app/cli/databasecommands.cpp" line="106"/>
        <source>Pending, in upgrade order: %1</source>
        <translation>En attente, dans l&apos;ordre de mise à niveau&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../app/cli/databasecommands.cpp" line="119"/>
        <source>Name the revision(s) to stamp, e.g. `stamp heads`.</source>
        <translation>Indiquez la ou les révisions à marquer (stamp), p. ex. `stamp heads`.</translation>
    </message>
    <message>
        <location filename="../app/cli/databasecommands.cpp" line="145"/>
        <source>Stamp %1: %2 -&gt; %3</source>
        <translation>Marquage (stamp) de %1&#xa0;: %2 -&gt; %3</translation>
    </message>
    <message>
        <location filename="../app/cli/databasecommands.cpp" line="150"/>
        <source>The database file %1 does not exist; the stamp creates it.</source>
        <translation>Le fichier de base de données %1 n&apos;existe pas&#xa0;; le marquage (stamp) le crée.</translation>
    </message>
    <message>
        <location filename="../app/cli/databasecommands.cpp" line="163"/>
        <source>&apos;%1&apos; is protected: add --confirm %1 to write to it.</source>
        <translation>«&#xa0;%1&#xa0;» est protégé&#xa0;: ajoutez --confirm %1 pour y écrire.</translation>
    </message>
    <message>
        <location filename="../app/cli/databasecommands.cpp" line="170"/>
        <source>Stamped. Rows: %1</source>
        <translation>Marquage (stamp) effectué. Lignes&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>DatabaseConnection</name>
    <message>
        <location filename="../model/database/databaseconnection.cpp" line="51"/>
        <source>Cannot open %1: the file %2 does not exist. Check the URL, or run alembic once to create it.</source>
        <translation>Impossible d&apos;ouvrir %1&#xa0;: le fichier %2 n&apos;existe pas. Vérifiez l&apos;URL ou exécutez alembic une fois pour le créer.</translation>
    </message>
    <message>
        <location filename="../model/database/databaseconnection.cpp" line="84"/>
        <source>Cannot connect to %1: %2</source>
        <translation>Impossible de se connecter à %1&#xa0;: %2</translation>
    </message>
    <message>
        <location filename="../model/database/databaseconnection.cpp" line="86"/>
        <source>The URL has more than one &apos;@&apos; before the host: write an &apos;@&apos; inside the password as %40.</source>
        <translation>L&apos;URL contient plus d&apos;un «&#xa0;@&#xa0;» avant l&apos;hôte&#xa0;: écrivez un «&#xa0;@&#xa0;» figurant dans le mot de passe sous la forme %40.</translation>
    </message>
</context>
<context>
    <name>DatabaseUrl</name>
    <message>
        <location filename="../model/database/databaseurl_qt.cpp" line="140"/>
        <source>%1 names the dialect &apos;postgres&apos;, which SQLAlchemy 1.4 and later no longer accept; write &apos;postgresql&apos; instead.</source>
        <translation>%1 indique le dialecte «&#xa0;postgres&#xa0;», que SQLAlchemy 1.4 et ultérieur n&apos;accepte plus&#xa0;; écrivez «&#xa0;postgresql&#xa0;» à la place.</translation>
    </message>
    <message>
        <location filename="../model/database/databaseurl_qt.cpp" line="144"/>
        <source>%1 names the dialect &apos;%2&apos;, but SQLAlchemy&apos;s dialect names are lower case; write &apos;%3&apos; instead.</source>
        <translation>%1 indique le dialecte «&#xa0;%2&#xa0;», mais les noms de dialecte de SQLAlchemy s&apos;écrivent en minuscules&#xa0;; écrivez «&#xa0;%3&#xa0;» à la place.</translation>
    </message>
    <message>
        <location filename="../model/database/databaseurl_qt.cpp" line="147"/>
        <location filename="../model/database/databaseurl_qt.cpp" line="448"/>
        <source>Retort reads sqlite, postgresql, mysql and mariadb databases; &apos;%1&apos; (in %2) is not supported.</source>
        <translation>Retort lit les bases de données sqlite, postgresql, mysql et mariadb&#xa0;; «&#xa0;%1&#xa0;» (dans %2) n&apos;est pas pris en charge.</translation>
    </message>
    <message>
        <location filename="../model/database/databaseurl_qt.cpp" line="152"/>
        <source>%1 names an encrypted SQLCipher database, which Qt&apos;s SQLite driver cannot open.</source>
        <translation>%1 désigne une base de données SQLCipher chiffrée, que le pilote SQLite de Qt ne peut pas ouvrir.</translation>
    </message>
    <message>
        <location filename="../model/database/databaseurl_qt.cpp" line="153"/>
        <source>Retort does not know the driver &apos;%1&apos; for %2 (in %3); it knows %4.</source>
        <translation>Retort ne connaît pas le pilote «&#xa0;%1&#xa0;» pour %2 (dans %3)&#xa0;; il connaît %4.</translation>
    </message>
    <message>
        <location filename="../model/database/databaseurl_qt.cpp" line="164"/>
        <source>%1 is not a valid SQLite URL: a SQLite URL has no user, password, host or port. Write sqlite:///relative/path/to/file.db, sqlite:////absolute/path/to/file.db or sqlite:// (in memory).</source>
        <translation>%1 n&apos;est pas une URL SQLite valide&#xa0;: une URL SQLite n&apos;a ni utilisateur, ni mot de passe, ni hôte, ni port. Écrivez sqlite:///relative/path/to/file.db, sqlite:////absolute/path/to/file.db ou sqlite:// (en mémoire).</translation>
    </message>
    <message>
        <location filename="../model/database/databaseurl_qt.cpp" line="170"/>
        <source>The query parameter &apos;uri&apos; in %1 must be true or false.</source>
        <translation>Le paramètre de requête «&#xa0;uri&#xa0;» dans %1 doit valoir true ou false.</translation>
    </message>
    <message>
        <location filename="../model/database/databaseurl_qt.cpp" line="174"/>
        <source>The query parameter &apos;timeout&apos; in %1 must be a number of seconds.</source>
        <translation>Le paramètre de requête «&#xa0;timeout&#xa0;» dans %1 doit être un nombre de secondes.</translation>
    </message>
    <message>
        <location filename="../model/database/databaseurl_qt.cpp" line="193"/>
        <source>%1 mixes the two forms for several hosts; write either host=h1,h2,h3&amp;port=p1,p2,p3 or host=h1:p1&amp;host=h2:p2&amp;host=h3:p3.</source>
        <translation>%1 mélange les deux formes d&apos;écriture pour plusieurs hôtes&#xa0;; écrivez soit host=h1,h2,h3&amp;port=p1,p2,p3, soit host=h1:p1&amp;host=h2:p2&amp;host=h3:p3.</translation>
    </message>
    <message>
        <location filename="../model/database/databaseurl_qt.cpp" line="199"/>
        <source>%1 names the database twice, in its path (or ?database=) and as ?dbname=; give it once.</source>
        <translation>%1 indique la base de données deux fois, dans son chemin (ou&#xa0;?database=) et avec&#xa0;?dbname=&#xa0;; ne l&apos;indiquez qu&apos;une seule fois.</translation>
    </message>
    <message>
        <location filename="../model/database/databaseurl_qt.cpp" line="203"/>
        <source>The query parameter &apos;host&apos; in %1 contains &apos;;&apos;, which Qt&apos;s %2 driver cannot pass on.</source>
        <translation>Le paramètre de requête «&#xa0;host&#xa0;» dans %1 contient «&#xa0;;&#xa0;», que le pilote %2 de Qt ne peut pas transmettre.</translation>
    </message>
    <message>
        <location filename="../model/database/databaseurl_qt.cpp" line="209"/>
        <location filename="../model/database/databaseurl_qt.cpp" line="232"/>
        <source>The query parameter &apos;port&apos; in %1 is not a port number from 1 to 65535.</source>
        <translation>Le paramètre de requête «&#xa0;port&#xa0;» dans %1 n&apos;est pas un numéro de port compris entre 1 et 65535.</translation>
    </message>
    <message>
        <location filename="../model/database/databaseurl_qt.cpp" line="218"/>
        <source>The query parameter &apos;%1&apos; in %2 must be a number of seconds.</source>
        <translation>Le paramètre de requête «&#xa0;%1&#xa0;» dans %2 doit être un nombre de secondes.</translation>
    </message>
    <message>
        <location filename="../model/database/databaseurl_qt.cpp" line="222"/>
        <source>The query parameter &apos;ssl&apos; in %1 must be true, false or an sslmode such as require.</source>
        <translation>Le paramètre de requête «&#xa0;ssl&#xa0;» dans %1 doit valoir true, false ou un sslmode tel que require.</translation>
    </message>
    <message>
        <location filename="../model/database/databaseurl_qt.cpp" line="240"/>
        <source>The query parameter &apos;%1&apos; in %2 must be a whole number of seconds.</source>
        <translation>Le paramètre de requête «&#xa0;%1&#xa0;» dans %2 doit être un nombre entier de secondes.</translation>
    </message>
    <message>
        <location filename="../model/database/databaseurl_qt.cpp" line="243"/>
        <source>The query parameter &apos;compress&apos; in %1 must be true or false.</source>
        <translation>Le paramètre de requête «&#xa0;compress&#xa0;» dans %1 doit valoir true ou false.</translation>
    </message>
    <message>
        <location filename="../model/database/databaseurl_qt.cpp" line="250"/>
        <source>The query parameter &apos;%1&apos; is given %2 times in %3; give it once.</source>
        <translation>Le paramètre de requête «&#xa0;%1&#xa0;» est indiqué %2 fois dans %3&#xa0;; ne l&apos;indiquez qu&apos;une seule fois.</translation>
    </message>
    <message>
        <location filename="../model/database/databaseurl_qt.cpp" line="261"/>
        <source>The query parameter &apos;%1&apos; in %2 contains &apos;;&apos;, which Qt&apos;s %3 driver cannot pass on.</source>
        <translation>Le paramètre de requête «&#xa0;%1&#xa0;» dans %2 contient «&#xa0;;&#xa0;», que le pilote %3 de Qt ne peut pas transmettre.</translation>
    </message>
    <message>
        <location filename="../model/database/databaseurl_qt.cpp" line="264"/>
        <source>The query parameter &apos;%1&apos; in %2 has leading, trailing or repeated spaces, which Qt&apos;s %3 driver cannot pass on.</source>
        <translation>Le paramètre de requête «&#xa0;%1&#xa0;» dans %2 contient des espaces en début, en fin ou répétées, que le pilote %3 de Qt ne peut pas transmettre.</translation>
    </message>
    <message>
        <location filename="../model/database/databaseurl.cpp" line="321"/>
        <source>The text given is not a database URL; expected dialect+driver://user:password@host:port/database</source>
        <translation>Le texte saisi n&apos;est pas une URL de base de données&#xa0;; format attendu&#xa0;: dialect+driver://user:password@host:port/database</translation>
    </message>
    <message>
        <location filename="../model/database/databaseurl.cpp" line="326"/>
        <source>&apos;%1&apos; is not a database URL; expected dialect+driver://user:password@host:port/database</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas une URL de base de données&#xa0;; format attendu&#xa0;: dialect+driver://user:password@host:port/database</translation>
    </message>
    <message>
        <location filename="../model/database/databaseurl.cpp" line="349"/>
        <source>The port in %1 is not a number from 1 to 65535.</source>
        <translation>Le port dans %1 n&apos;est pas un nombre compris entre 1 et 65535.</translation>
    </message>
    <message>
        <location filename="../model/database/databaseurl_qt.cpp" line="454"/>
        <source>Qt&apos;s %1 driver (%2) is not installed, so Retort cannot open %3; install the package %4.</source>
        <translation>Le pilote %1 de Qt (%2) n&apos;est pas installé, Retort ne peut donc pas ouvrir %3&#xa0;; installez le paquet %4.</translation>
    </message>
</context>
<context>
    <name>DeleteCommand</name>
    <message>
        <location filename="../app/cli/deletecommand.cpp" line="189"/>
        <source>Delete? [y/N] </source>
        <translation>Supprimer&#xa0;? [y/N] </translation>
    </message>
    <message>
        <location filename="../app/cli/deletecommand.cpp" line="91"/>
        <source>Delete %1:</source>
        <translation>Supprimer %1&#xa0;:</translation>
    </message>
    <message>
        <location filename="../app/cli/deletecommand.cpp" line="94"/>
        <source>delete %1</source>
        <translation>supprimer %1</translation>
    </message>
    <message>
        <location filename="../app/cli/deletecommand.cpp" line="97"/>
        <source>edit   %1</source>
        <translation>modifier  %1</translation>
    </message>
    <message>
        <location filename="../app/cli/deletecommand.cpp" line="99"/>
        <source>No environment is set up, so none was checked; give --url or --env to check a database.</source>
        <translation>Aucun environnement n&apos;est configuré, aucun n&apos;a donc été vérifié&#xa0;; indiquez --url ou --env pour vérifier une base de données.</translation>
    </message>
    <message>
        <location filename="../app/cli/deletecommand.cpp" line="104"/>
        <source>Checked %1: %2</source>
        <translation>Vérification de %1&#xa0;: %2</translation>
    </message>
    <message>
        <location filename="../app/cli/deletecommand.cpp" line="106"/>
        <source>no revision applied</source>
        <translation>aucune révision appliquée</translation>
    </message>
    <message>
        <location filename="../app/cli/deletecommand.cpp" line="119"/>
        <source>delete needs one revision: delete REV [--with-descendants|--reparent].</source>
        <translation>delete attend une révision&#xa0;: delete REV [--with-descendants|--reparent].</translation>
    </message>
    <message>
        <location filename="../app/cli/deletecommand.cpp" line="121"/>
        <source>Give either --with-descendants or --reparent, not both.</source>
        <translation>Indiquez soit --with-descendants, soit --reparent, mais pas les deux.</translation>
    </message>
    <message>
        <location filename="../app/cli/deletecommand.cpp" line="142"/>
        <source>git could not tell whether the files are committed: %1</source>
        <translation>git n&apos;a pas pu déterminer si les fichiers ont été validés (commit)&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../app/cli/deletecommand.cpp" line="182"/>
        <source>Warning: %1</source>
        <translation>Avertissement&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../app/cli/deletecommand.cpp" line="186"/>
        <source>Dry run: nothing was changed.</source>
        <translation>Simulation&#xa0;: rien n&apos;a été modifié.</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/cli/deletecommand.cpp" line="190"/>
        <source>Not deleted: there are %n warning(s); read them, then add --yes to delete.</source>
        <translation>
            <numerusform>Non supprimé&#xa0;: il y a %n avertissement&#xa0;; lisez-le, puis ajoutez --yes pour supprimer.</numerusform>
            <numerusform>Non supprimé&#xa0;: il y a %n avertissements&#xa0;; lisez-les, puis ajoutez --yes pour supprimer.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/cli/deletecommand.cpp" line="208"/>
        <source>Deleted %1; the files are in the trash (%2).</source>
        <translation>Suppression de %1 effectuée&#xa0;; les fichiers se trouvent dans la corbeille (%2).</translation>
    </message>
</context>
<context>
    <name>DetailsPane</name>
    <message>
        <location filename="../widgets/detailspane.cpp" line="34"/>
        <source>missing</source>
        <translation>introuvable</translation>
    </message>
    <message>
        <location filename="../widgets/detailspane.cpp" line="50"/>
        <source>Revision details</source>
        <translation>Détails de la révision</translation>
    </message>
    <message>
        <location filename="../widgets/detailspane.cpp" line="52"/>
        <source>Select a revision to see its details.</source>
        <translation>Sélectionnez une révision pour afficher ses détails.</translation>
    </message>
    <message>
        <location filename="../widgets/detailspane.cpp" line="109"/>
        <source>Alembic cannot use this file, so it has no place in the graph.</source>
        <translation>Alembic ne peut pas utiliser ce fichier&#xa0;; il n&apos;a donc pas de place dans le graphe.</translation>
    </message>
    <message>
        <location filename="../widgets/detailspane.cpp" line="153"/>
        <source>No file declares this revision, yet other revisions name it. Alembic refuses to run until it exists: restore the file or correct the revisions that refer to it.</source>
        <translation>Aucun fichier ne déclare cette révision, pourtant d&apos;autres révisions y font référence. Alembic refuse de s&apos;exécuter tant qu&apos;elle n&apos;existe pas&#xa0;: restaurez le fichier ou corrigez les révisions qui y font référence.</translation>
    </message>
    <message>
        <location filename="../widgets/detailspane.cpp" line="181"/>
        <source>Created</source>
        <translation>Création</translation>
    </message>
    <message>
        <location filename="../widgets/detailspane.cpp" line="182"/>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <location filename="../widgets/detailspane.cpp" line="185"/>
        <source>Branch labels</source>
        <translation>Étiquettes de branche</translation>
    </message>
    <message>
        <location filename="../widgets/detailspane.cpp" line="187"/>
        <source>Databases</source>
        <translation>Bases de données</translation>
    </message>
    <message>
        <location filename="../widgets/detailspane.cpp" line="188"/>
        <source>Parents</source>
        <translation>Parents</translation>
    </message>
    <message>
        <location filename="../widgets/detailspane.cpp" line="188"/>
        <source>none (a base)</source>
        <translation>aucun (c&apos;est une base)</translation>
    </message>
    <message>
        <location filename="../widgets/detailspane.cpp" line="190"/>
        <source>Depends on</source>
        <translation>Dépend de</translation>
    </message>
    <message>
        <location filename="../widgets/detailspane.cpp" line="191"/>
        <source>Children</source>
        <translation>Enfants</translation>
    </message>
    <message>
        <location filename="../widgets/detailspane.cpp" line="191"/>
        <source>none (a head)</source>
        <translation>aucun (c&apos;est une tête)</translation>
    </message>
    <message>
        <location filename="../widgets/detailspane.cpp" line="197"/>
        <source>Needed by</source>
        <translation>Requise par</translation>
    </message>
    <message>
        <location filename="../widgets/detailspane.cpp" line="201"/>
        <source>Computed</source>
        <translation>Calculé</translation>
    </message>
    <message>
        <location filename="../widgets/detailspane.cpp" line="211"/>
        <source>line %1: </source>
        <translation>ligne %1&#xa0;: </translation>
    </message>
    <message>
        <location filename="../widgets/detailspane.cpp" line="216"/>
        <source>Problems</source>
        <translation>Problèmes</translation>
    </message>
    <message>
        <location filename="../widgets/detailspane.cpp" line="225"/>
        <source>applied to %1</source>
        <translation>appliquée sur %1</translation>
    </message>
    <message>
        <location filename="../widgets/detailspane.cpp" line="226"/>
        <source>pending on %1</source>
        <translation>en attente sur %1</translation>
    </message>
    <message>
        <location filename="../widgets/detailspane.cpp" line="227"/>
        <source>not on %1</source>
        <translation>absente de %1</translation>
    </message>
    <message>
        <location filename="../widgets/detailspane.cpp" line="242"/>
        <source>Schema changes</source>
        <translation>Modifications du schéma</translation>
    </message>
    <message>
        <location filename="../widgets/detailspane.cpp" line="242"/>
        <source>(replayed for %1)</source>
        <translation>(rejouées pour %1)</translation>
    </message>
    <message>
        <location filename="../widgets/detailspane.cpp" line="246"/>
        <source>line %1: %2</source>
        <translation>ligne %1&#xa0;: %2</translation>
    </message>
    <message>
        <location filename="../widgets/detailspane.cpp" line="247"/>
        <source>Approximate: Retort could not follow these statements:</source>
        <translation>Approximatif&#xa0;: Retort n&apos;a pas pu suivre ces instructions&#xa0;:</translation>
    </message>
</context>
<context>
    <name>EditorCommand</name>
    <message>
        <location filename="../model/project/editorcommand.cpp" line="175"/>
        <source>A double quote is not closed.</source>
        <translation>Un guillemet double n&apos;est pas fermé.</translation>
    </message>
    <message>
        <location filename="../model/project/editorcommand.cpp" line="180"/>
        <source>%1 is not a placeholder: use {file}, {line} and {column}.</source>
        <translation>%1 n&apos;est pas un espace réservé&#xa0;: utilisez {file}, {line} et {column}.</translation>
    </message>
    <message>
        <location filename="../model/project/editorcommand.cpp" line="183"/>
        <source>The command names no program.</source>
        <translation>La commande ne désigne aucun programme.</translation>
    </message>
    <message>
        <location filename="../model/project/editorcommand.cpp" line="185"/>
        <source>The command must start with the editor&apos;s program, not with a placeholder.</source>
        <translation>La commande doit commencer par le programme de l&apos;éditeur, et non par un espace réservé.</translation>
    </message>
    <message>
        <location filename="../model/project/editorcommand.cpp" line="260"/>
        <source>%1 (in a terminal)</source>
        <translation>%1 (dans un terminal)</translation>
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
        <translation>Éditeur externe</translation>
    </message>
    <message>
        <location filename="../widgets/editordialog.cpp" line="42"/>
        <source>Open in Editor starts this editor on the revision&apos;s file, at its line.</source>
        <translation>«&#xa0;Ouvrir dans l&apos;éditeur&#xa0;» lance cet éditeur sur le fichier de la révision, à la ligne de celle-ci.</translation>
    </message>
    <message>
        <location filename="../widgets/editordialog.cpp" line="46"/>
        <source>Automatic: $VISUAL, else $EDITOR, else the desktop&apos;s default</source>
        <translation>Automatique&#xa0;: $VISUAL, sinon $EDITOR, sinon l&apos;application par défaut du bureau</translation>
    </message>
    <message>
        <location filename="../widgets/editordialog.cpp" line="47"/>
        <source>The desktop&apos;s default application (opens at the top)</source>
        <translation>L&apos;application par défaut du bureau (ouvre au début du fichier)</translation>
    </message>
    <message>
        <location filename="../widgets/editordialog.cpp" line="49"/>
        <source>%1 (not found)</source>
        <translation>%1 (introuvable)</translation>
    </message>
    <message>
        <location filename="../widgets/editordialog.cpp" line="52"/>
        <source>Custom command</source>
        <translation>Commande personnalisée</translation>
    </message>
    <message>
        <location filename="../widgets/editordialog.cpp" line="55"/>
        <source>e.g. %1</source>
        <translation>p. ex. %1</translation>
    </message>
    <message>
        <location filename="../widgets/editordialog.cpp" line="58"/>
        <source>{file} is the file&apos;s path, {line} the line and {column} the column. Words are separated by spaces; put a word that holds spaces in double quotes. The command runs without a shell, so any file name is passed as it is; without {file} the file comes last.</source>
        <translation>{file} est le chemin du fichier, {line} la ligne et {column} la colonne. Les mots sont séparés par des espaces&#xa0;; mettez entre guillemets doubles un mot qui contient des espaces. La commande s&apos;exécute sans shell, donc tout nom de fichier est transmis tel quel&#xa0;; sans {file}, le fichier est placé en dernier.</translation>
    </message>
    <message>
        <location filename="../widgets/editordialog.cpp" line="76"/>
        <source>Test</source>
        <translation>Tester</translation>
    </message>
    <message>
        <location filename="../widgets/editordialog.cpp" line="80"/>
        <source>Select a revision to try the editor on its file</source>
        <translation>Sélectionnez une révision pour essayer l&apos;éditeur sur son fichier</translation>
    </message>
    <message>
        <location filename="../widgets/editordialog.cpp" line="81"/>
        <source>Open %1 at line %2 with this command</source>
        <translation>Ouvrir %1 à la ligne %2 avec cette commande</translation>
    </message>
    <message>
        <location filename="../widgets/editordialog.cpp" line="94"/>
        <source>&amp;Editor:</source>
        <translation>É&amp;diteur&#xa0;:</translation>
    </message>
    <message>
        <location filename="../widgets/editordialog.cpp" line="95"/>
        <source>&amp;Command:</source>
        <translation>&amp;Commande&#xa0;:</translation>
    </message>
    <message>
        <location filename="../widgets/editordialog.cpp" line="97"/>
        <source>Runs:</source>
        <translation>Exécute&#xa0;:</translation>
    </message>
    <message>
        <location filename="../widgets/editordialog.cpp" line="184"/>
        <source>From $VISUAL (%1).</source>
        <translation>Depuis $VISUAL (%1).</translation>
    </message>
    <message>
        <location filename="../widgets/editordialog.cpp" line="187"/>
        <source>From $EDITOR (%1).</source>
        <translation>Depuis $EDITOR (%1).</translation>
    </message>
    <message>
        <location filename="../widgets/editordialog.cpp" line="190"/>
        <source>Neither $VISUAL nor $EDITOR is set.</source>
        <translation>Ni $VISUAL ni $EDITOR n&apos;est défini.</translation>
    </message>
    <message>
        <location filename="../widgets/editordialog.cpp" line="200"/>
        <source>Type the command that opens a file in your editor.</source>
        <translation>Saisissez la commande qui ouvre un fichier dans votre éditeur.</translation>
    </message>
    <message>
        <location filename="../widgets/editordialog.cpp" line="203"/>
        <source>Opens %1 with the desktop&apos;s default application for Python files, without going to the line.</source>
        <translation>Ouvre %1 avec l&apos;application par défaut du bureau pour les fichiers Python, sans aller à la ligne.</translation>
    </message>
    <message>
        <location filename="../widgets/editordialog.cpp" line="208"/>
        <source>✗ %1</source>
        <translation>✗ %1</translation>
    </message>
    <message>
        <location filename="../widgets/editordialog.cpp" line="211"/>
        <source>✗ %1 was not found or cannot be run.</source>
        <translation>✗ %1 est introuvable ou ne peut pas être exécuté.</translation>
    </message>
    <message>
        <location filename="../widgets/editordialog.cpp" line="213"/>
        <source>✓ %1 is %2.</source>
        <translation>✓ %1 correspond à %2.</translation>
    </message>
    <message>
        <location filename="../widgets/editordialog.cpp" line="217"/>
        <source>%1 (for an example file)</source>
        <translation>%1 (pour un fichier d&apos;exemple)</translation>
    </message>
</context>
<context>
    <name>EditorLauncher</name>
    <message>
        <location filename="../widgets/editorlauncher.cpp" line="34"/>
        <source>The editor command from $VISUAL</source>
        <translation>La commande d&apos;éditeur issue de $VISUAL</translation>
    </message>
    <message>
        <location filename="../widgets/editorlauncher.cpp" line="36"/>
        <source>The editor command from $EDITOR</source>
        <translation>La commande d&apos;éditeur issue de $EDITOR</translation>
    </message>
    <message>
        <location filename="../widgets/editorlauncher.cpp" line="41"/>
        <source>The editor command</source>
        <translation>La commande d&apos;éditeur</translation>
    </message>
    <message>
        <location filename="../widgets/editorlauncher.cpp" line="52"/>
        <source>Cannot Open the Editor</source>
        <translation>Impossible d&apos;ouvrir l&apos;éditeur</translation>
    </message>
    <message>
        <location filename="../widgets/editorlauncher.cpp" line="54"/>
        <source>Choose the editor in Edit ▸ External Editor…, or set $VISUAL or $EDITOR before starting Retort.</source>
        <translation>Choisissez l&apos;éditeur dans Édition ▸ Éditeur externe…, ou définissez $VISUAL ou $EDITOR avant de lancer Retort.</translation>
    </message>
    <message>
        <location filename="../widgets/editorlauncher.cpp" line="58"/>
        <source>Choose Editor…</source>
        <translation>Choisir l&apos;éditeur…</translation>
    </message>
    <message>
        <location filename="../widgets/editorlauncher.cpp" line="105"/>
        <source>No application is set up to open %1.</source>
        <translation>Aucune application n&apos;est configurée pour ouvrir %1.</translation>
    </message>
    <message>
        <location filename="../widgets/editorlauncher.cpp" line="106"/>
        <source>The desktop has no default application for Python files, and neither $VISUAL nor $EDITOR is set.</source>
        <translation>Le bureau n&apos;a aucune application par défaut pour les fichiers Python, et ni $VISUAL ni $EDITOR n&apos;est défini.</translation>
    </message>
    <message>
        <location filename="../widgets/editorlauncher.cpp" line="112"/>
        <source>%1 “%2” could not open %3.</source>
        <translation>%1 «&#xa0;%2&#xa0;» n&apos;a pas pu ouvrir %3.</translation>
    </message>
    <message>
        <location filename="../widgets/editorlauncher.cpp" line="120"/>
        <source>The program %1 was not found or cannot be run.</source>
        <translation>Le programme %1 est introuvable ou ne peut pas être exécuté.</translation>
    </message>
    <message>
        <location filename="../widgets/editorlauncher.cpp" line="131"/>
        <source>%1 did not start: %2</source>
        <translation>%1 n&apos;a pas démarré&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>EnvScript</name>
    <message>
        <location filename="../model/project/envscript.cpp" line="59"/>
        <source>Cannot read env.py (%1); Retort assumes the version table alembic_version.</source>
        <translation>Impossible de lire env.py (%1)&#xa0;; Retort suppose que la table des versions est alembic_version.</translation>
    </message>
    <message>
        <location filename="../model/project/envscript.cpp" line="90"/>
        <source>env.py computes %1 (%2); Retort cannot tell its value without running env.py and uses the default. Set the version table in the environment&apos;s settings if it differs.</source>
        <translation>env.py calcule %1 (%2)&#xa0;; Retort ne peut pas en connaître la valeur sans exécuter env.py et utilise donc la valeur par défaut. Définissez la table des versions dans les paramètres de l&apos;environnement si elle est différente.</translation>
    </message>
</context>
<context>
    <name>Environment</name>
    <message>
        <location filename="../model/database/environment.cpp" line="44"/>
        <source>The environment variable %1, which holds the database URL of &apos;%2&apos;, is not set.</source>
        <translation>La variable d&apos;environnement %1, qui contient l&apos;URL de base de données de «&#xa0;%2&#xa0;», n&apos;est pas définie.</translation>
    </message>
    <message>
        <location filename="../model/database/environment.cpp" line="58"/>
        <source>&apos;%1&apos; has no database URL and the project sets no sqlalchemy.url; give it a URL or the name of an environment variable that holds one.</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;a pas d&apos;URL de base de données et le projet ne définit pas sqlalchemy.url&#xa0;; indiquez une URL ou le nom d&apos;une variable d&apos;environnement qui en contient une.</translation>
    </message>
    <message>
        <location filename="../model/database/environment.cpp" line="136"/>
        <source>The URL of &apos;%1&apos; is not a database URL, so it was not saved: %2</source>
        <translation>L&apos;URL de «&#xa0;%1&#xa0;» n&apos;est pas une URL de base de données&#xa0;; elle n&apos;a donc pas été enregistrée&#xa0;: %2</translation>
    </message>
    <message>
        <location filename="../model/database/environment.cpp" line="140"/>
        <source>The URL of &apos;%1&apos; has more than one &apos;@&apos; before the host, so it was not saved: write an &apos;@&apos; inside the password as %40.</source>
        <translation>L&apos;URL de «&#xa0;%1&#xa0;» contient plus d&apos;un «&#xa0;@&#xa0;» avant l&apos;hôte&#xa0;; elle n&apos;a donc pas été enregistrée&#xa0;: écrivez un «&#xa0;@&#xa0;» figurant dans le mot de passe sous la forme %40.</translation>
    </message>
    <message>
        <location filename="../model/database/environment.cpp" line="175"/>
        <source>Cannot write the environments to %1.</source>
        <translation>Impossible d&apos;écrire les environnements dans %1.</translation>
    </message>
    <message>
        <location filename="../model/database/environment.cpp" line="190"/>
        <source>No environment &apos;%1&apos;: this project has none yet; add one in Retort or use --url.</source>
        <translation>Aucun environnement «&#xa0;%1&#xa0;»&#xa0;: ce projet n&apos;en a encore aucun&#xa0;; ajoutez-en un dans Retort ou utilisez --url.</translation>
    </message>
    <message>
        <location filename="../model/database/environment.cpp" line="191"/>
        <source>No environment &apos;%1&apos;; this project has %2.</source>
        <translation>Aucun environnement «&#xa0;%1&#xa0;»&#xa0;; ceux de ce projet sont&#xa0;: %2.</translation>
    </message>
</context>
<context>
    <name>EnvironmentActions</name>
    <message>
        <location filename="../widgets/environmentactions.cpp" line="80"/>
        <source>Cannot Save Environment</source>
        <translation>Impossible d&apos;enregistrer l&apos;environnement</translation>
    </message>
    <message>
        <location filename="../widgets/environmentactions.cpp" line="81"/>
        <source>%1 was not saved:</source>
        <translation>%1 n&apos;a pas été enregistré&#xa0;:</translation>
    </message>
    <message>
        <location filename="../widgets/environmentactions.cpp" line="153"/>
        <source>Removed the environment %1.</source>
        <translation>Environnement %1 retiré.</translation>
    </message>
    <message>
        <location filename="../widgets/environmentactions.cpp" line="156"/>
        <source>Remove Environment</source>
        <translation>Retirer l&apos;environnement</translation>
    </message>
    <message>
        <location filename="../widgets/environmentactions.cpp" line="157"/>
        <source>Remove the environment %1 from this project&apos;s list?</source>
        <translation>Retirer l&apos;environnement %1 de la liste de ce projet&#xa0;?</translation>
    </message>
    <message>
        <location filename="../widgets/environmentactions.cpp" line="160"/>
        <source>Retort forgets its URL, colour, variables and the password it keeps in the keychain. The database itself is not touched.</source>
        <translation>Retort oublie son URL, sa couleur, ses variables et le mot de passe qu&apos;il conserve dans le trousseau. La base de données elle-même n&apos;est pas modifiée.</translation>
    </message>
    <message>
        <location filename="../widgets/environmentactions.cpp" line="162"/>
        <source>&amp;Remove</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <location filename="../widgets/environmentactions.cpp" line="208"/>
        <source>Upgrade %1 to Here…</source>
        <translation>Mettre %1 à niveau jusqu&apos;ici…</translation>
    </message>
    <message>
        <location filename="../widgets/environmentactions.cpp" line="209"/>
        <source>Downgrade %1 to Here…</source>
        <translation>Rétrograder %1 jusqu&apos;ici…</translation>
    </message>
    <message>
        <location filename="../widgets/environmentactions.cpp" line="210"/>
        <source>Stamp %1 Here…</source>
        <translation>Marquer la version de %1 ici (stamp)…</translation>
    </message>
    <message>
        <location filename="../widgets/environmentactions.cpp" line="211"/>
        <source>Compare Schema of %1 with Here…</source>
        <translation>Comparer le schéma de %1 avec cette révision…</translation>
    </message>
    <message>
        <location filename="../widgets/environmentactions.cpp" line="222"/>
        <source>Stamped %1: %2</source>
        <translation>Version de %1 marquée&#xa0;: %2</translation>
    </message>
    <message>
        <location filename="../widgets/environmentactions.cpp" line="225"/>
        <source>Stamp Failed</source>
        <translation>Échec du marquage (stamp)</translation>
    </message>
    <message>
        <location filename="../widgets/environmentactions.cpp" line="227"/>
        <source>%1 was not stamped:</source>
        <translation>La version de %1 n&apos;a pas été marquée&#xa0;:</translation>
    </message>
</context>
<context>
    <name>EnvironmentBar</name>
    <message>
        <location filename="../widgets/environmentbar.cpp" line="38"/>
        <source>read just now</source>
        <translation>lu à l&apos;instant</translation>
    </message>
    <message>
        <location filename="../widgets/environmentbar.cpp" line="40"/>
        <source>read %1 s ago</source>
        <translation>lu il y a %1 s</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/environmentbar.cpp" line="42"/>
        <source>read %n min ago</source>
        <translation>
            <numerusform>lu il y a %n min</numerusform>
            <numerusform>lu il y a %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/environmentbar.cpp" line="43"/>
        <source>read %n h ago</source>
        <translation>
            <numerusform>lu il y a %n h</numerusform>
            <numerusform>lu il y a %n h</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/environmentbar.cpp" line="61"/>
        <source>Add…</source>
        <translation>Ajouter…</translation>
    </message>
    <message>
        <location filename="../widgets/environmentbar.cpp" line="62"/>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <location filename="../widgets/environmentbar.cpp" line="63"/>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <location filename="../widgets/environmentbar.cpp" line="64"/>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <location filename="../widgets/environmentbar.cpp" line="78"/>
        <source>Read the version table again</source>
        <translation>Relire la table des versions</translation>
    </message>
    <message>
        <location filename="../widgets/environmentbar.cpp" line="81"/>
        <source>Database:</source>
        <translation>Base de données&#xa0;:</translation>
    </message>
    <message>
        <location filename="../widgets/environmentbar.cpp" line="106"/>
        <source>%1 (protected)</source>
        <translation>%1 (protégé)</translation>
    </message>
    <message>
        <location filename="../widgets/environmentbar.cpp" line="110"/>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <location filename="../widgets/environmentbar.cpp" line="133"/>
        <source>not read yet</source>
        <translation>pas encore lu</translation>
    </message>
    <message>
        <location filename="../widgets/environmentbar.cpp" line="141"/>
        <source>%1
Rows: %2</source>
        <translation>%1
Lignes&#xa0;: %2</translation>
    </message>
    <message>
        <location filename="../widgets/environmentbar.cpp" line="143"/>
        <source>(none)</source>
        <translation>(aucune)</translation>
    </message>
    <message>
        <location filename="../widgets/environmentbar.cpp" line="167"/>
        <source>No database: add an environment to see which revisions it has applied.</source>
        <translation>Aucune base de données&#xa0;: ajoutez un environnement pour voir quelles révisions y sont appliquées.</translation>
    </message>
    <message>
        <location filename="../widgets/environmentbar.cpp" line="131"/>
        <location filename="../widgets/environmentbar.cpp" line="174"/>
        <source>reading…</source>
        <translation>lecture…</translation>
    </message>
</context>
<context>
    <name>EnvironmentDialog</name>
    <message>
        <location filename="../widgets/environmentdialog.cpp" line="32"/>
        <source>Protected: every write asks to type the name</source>
        <translation>Protégé&#xa0;: chaque écriture demande de saisir le nom</translation>
    </message>
    <message>
        <location filename="../widgets/environmentdialog.cpp" line="37"/>
        <source>Add Environment</source>
        <translation>Ajouter un environnement</translation>
    </message>
    <message>
        <location filename="../widgets/environmentdialog.cpp" line="37"/>
        <source>Edit Environment</source>
        <translation>Modifier l&apos;environnement</translation>
    </message>
    <message>
        <location filename="../widgets/environmentdialog.cpp" line="42"/>
        <source>e.g. staging</source>
        <translation>p. ex. staging</translation>
    </message>
    <message>
        <location filename="../widgets/environmentdialog.cpp" line="43"/>
        <source>postgresql://user@host/database</source>
        <translation>postgresql://user@host/database</translation>
    </message>
    <message>
        <location filename="../widgets/environmentdialog.cpp" line="44"/>
        <source>empty: the config&apos;s %1</source>
        <translation>vide&#xa0;: %1 de la configuration</translation>
    </message>
    <message>
        <location filename="../widgets/environmentdialog.cpp" line="45"/>
        <source>A SQLAlchemy URL. A password typed here is used for this session only and never saved.</source>
        <translation>Une URL SQLAlchemy. Un mot de passe saisi ici n&apos;est utilisé que pour cette session et n&apos;est jamais enregistré.</translation>
    </message>
    <message>
        <location filename="../widgets/environmentdialog.cpp" line="46"/>
        <source>e.g. DATABASE_URL</source>
        <translation>p. ex. DATABASE_URL</translation>
    </message>
    <message>
        <location filename="../widgets/environmentdialog.cpp" line="47"/>
        <source>ENVIRONMENT=production (one per line, for running alembic)</source>
        <translation>ENVIRONMENT=production (une par ligne, pour l&apos;exécution d&apos;alembic)</translation>
    </message>
    <message>
        <location filename="../widgets/environmentdialog.cpp" line="48"/>
        <source>Variables whose name holds PASSWORD, SECRET, TOKEN or KEY, or whose value is a URL with a password, are kept in the keychain and show as their name alone.</source>
        <translation>Les variables dont le nom contient PASSWORD, SECRET, TOKEN ou KEY, ou dont la valeur est une URL avec mot de passe, sont conservées dans le trousseau et ne s&apos;affichent que par leur nom.</translation>
    </message>
    <message>
        <location filename="../widgets/environmentdialog.cpp" line="52"/>
        <location filename="../widgets/environmentdialog.cpp" line="53"/>
        <source>from env.py</source>
        <translation>d&apos;après env.py</translation>
    </message>
    <message>
        <location filename="../widgets/environmentdialog.cpp" line="60"/>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <location filename="../widgets/environmentdialog.cpp" line="61"/>
        <source>Database &amp;URL:</source>
        <translation>&amp;URL de la base de données&#xa0;:</translation>
    </message>
    <message>
        <location filename="../widgets/environmentdialog.cpp" line="62"/>
        <source>…or URL from &amp;variable:</source>
        <translation>…ou URL issue de la va&amp;riable&#xa0;:</translation>
    </message>
    <message>
        <location filename="../widgets/environmentdialog.cpp" line="63"/>
        <source>&amp;Variables:</source>
        <translation>&amp;Variables&#xa0;:</translation>
    </message>
    <message>
        <location filename="../widgets/environmentdialog.cpp" line="64"/>
        <source>&amp;Colour:</source>
        <translation>&amp;Couleur&#xa0;:</translation>
    </message>
    <message>
        <location filename="../widgets/environmentdialog.cpp" line="66"/>
        <source>Version &amp;table:</source>
        <translation>&amp;Table des versions&#xa0;:</translation>
    </message>
    <message>
        <location filename="../widgets/environmentdialog.cpp" line="67"/>
        <source>Version table &amp;schema:</source>
        <translation>&amp;Schéma de la table des versions&#xa0;:</translation>
    </message>
    <message>
        <location filename="../widgets/environmentdialog.cpp" line="78"/>
        <source>Automatic</source>
        <translation>Automatique</translation>
    </message>
    <message>
        <location filename="../widgets/environmentdialog.cpp" line="97"/>
        <source>Give the environment a name.</source>
        <translation>Donnez un nom à l&apos;environnement.</translation>
    </message>
    <message>
        <location filename="../widgets/environmentdialog.cpp" line="99"/>
        <source>Another environment is called &apos;%1&apos;.</source>
        <translation>Un autre environnement s&apos;appelle déjà «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <location filename="../widgets/environmentdialog.cpp" line="101"/>
        <source>Give a URL or a variable, not both.</source>
        <translation>Indiquez une URL ou une variable, pas les deux.</translation>
    </message>
</context>
<context>
    <name>EnvironmentPlacement</name>
    <message>
        <location filename="../model/database/environmentplacement.cpp" line="43"/>
        <source>pending</source>
        <translation>en attente</translation>
    </message>
    <message>
        <location filename="../model/database/environmentplacement.cpp" line="43"/>
        <source>pending · %1</source>
        <translation>en attente · %1</translation>
    </message>
    <message>
        <location filename="../model/database/environmentplacement.cpp" line="55"/>
        <source>Applied to: %1</source>
        <translation>Appliquée sur&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../model/database/environmentplacement.cpp" line="57"/>
        <source>Pending on: %1</source>
        <translation>En attente sur&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>EnvironmentSession</name>
    <message>
        <location filename="../model/database/environmentsession.cpp" line="49"/>
        <source>config</source>
        <translation>configuration</translation>
    </message>
    <message>
        <location filename="../model/database/environmentsession.cpp" line="187"/>
        <source>Needs a password: click Refresh to enter it.</source>
        <translation>Mot de passe requis&#xa0;: cliquez sur «&#xa0;Actualiser&#xa0;» pour le saisir.</translation>
    </message>
</context>
<context>
    <name>EnvironmentSummary</name>
    <message>
        <location filename="../model/database/environmentsummary.cpp" line="63"/>
        <source>not under Alembic control (no %1 table)</source>
        <translation>non gérée par Alembic (pas de table %1)</translation>
    </message>
    <message>
        <location filename="../model/database/environmentsummary.cpp" line="65"/>
        <source>at the heads</source>
        <translation>au niveau des têtes</translation>
    </message>
    <message>
        <location filename="../model/database/environmentsummary.cpp" line="70"/>
        <source>%1 to %2</source>
        <translation>%1 à %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../model/database/environmentsummary.cpp" line="72"/>
        <source>%n pending</source>
        <translation>
            <numerusform>%n en attente</numerusform>
            <numerusform>%n en attente</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../model/database/environmentsummary.cpp" line="76"/>
        <source>%n unknown row(s): %1</source>
        <translation>
            <numerusform>%n ligne inconnue&#xa0;: %1</numerusform>
            <numerusform>%n lignes inconnues&#xa0;: %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../model/database/environmentsummary.cpp" line="84"/>
        <source>Unknown row: %1 names no revision of this project. Restore its revision file, or stamp the database to the revision it really matches.</source>
        <translation>Ligne inconnue&#xa0;: %1 ne désigne aucune révision de ce projet. Restaurez son fichier de révision ou marquez (stamp) la base de données à la révision à laquelle elle correspond réellement.</translation>
    </message>
    <message>
        <location filename="../model/database/environmentsummary.cpp" line="91"/>
        <source>Unknown rows name revisions this project does not have: restore their files, or stamp the database to the revision it really matches.</source>
        <translation>Des lignes inconnues désignent des révisions que ce projet ne possède pas&#xa0;: restaurez leurs fichiers ou marquez (stamp) la base de données à la révision à laquelle elle correspond réellement.</translation>
    </message>
</context>
<context>
    <name>FileTransaction</name>
    <message>
        <location filename="../model/edits/filetransaction.cpp" line="75"/>
        <location filename="../model/edits/filetransaction.cpp" line="88"/>
        <source>Cannot write beside %1: %2. Nothing was changed.</source>
        <translation>Impossible d&apos;écrire à côté de %1&#xa0;: %2. Rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <location filename="../model/edits/filetransaction.cpp" line="136"/>
        <source>Cannot flush the new files in %1 to the disk. Nothing was changed.</source>
        <translation>Impossible d&apos;écrire sur le disque les nouveaux fichiers de %1. Rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <location filename="../model/edits/filetransaction.cpp" line="146"/>
        <source>Cannot replace %1: %2. Every file was put back as it was.</source>
        <translation>Impossible de remplacer %1&#xa0;: %2. Tous les fichiers ont été remis dans leur état d&apos;origine.</translation>
    </message>
    <message>
        <location filename="../model/edits/filetransaction.cpp" line="167"/>
        <source>There is no trash for %1 and the folder %2 cannot be made.</source>
        <translation>Il n&apos;y a pas de corbeille pour %1 et le dossier %2 ne peut pas être créé.</translation>
    </message>
    <message>
        <location filename="../model/edits/filetransaction.cpp" line="175"/>
        <source>Cannot move %1 to the trash or to %2.</source>
        <translation>Impossible de déplacer %1 vers la corbeille ou vers %2.</translation>
    </message>
    <message>
        <location filename="../model/edits/filetransaction.cpp" line="217"/>
        <source>%1 changed since the preview was made. Nothing was written; look at it again.</source>
        <translation>%1 a changé depuis la création de l&apos;aperçu. Rien n&apos;a été écrit&#xa0;; examinez-le de nouveau.</translation>
    </message>
    <message>
        <location filename="../model/edits/filetransaction.cpp" line="220"/>
        <source>%1 is read-only. Nothing was written; make it writable (chmod u+w) and try again, or leave the history as it is.</source>
        <translation>%1 est en lecture seule. Rien n&apos;a été écrit&#xa0;; rendez-le accessible en écriture (chmod u+w) et réessayez, ou laissez l&apos;historique tel quel.</translation>
    </message>
    <message>
        <location filename="../model/edits/filetransaction.cpp" line="250"/>
        <source>Every file was put back as it was.</source>
        <translation>Tous les fichiers ont été remis dans leur état d&apos;origine.</translation>
    </message>
    <message>
        <location filename="../model/edits/filetransaction.cpp" line="263"/>
        <source>%1 exists again, so undoing would overwrite it. Nothing was changed.</source>
        <translation>%1 existe de nouveau&#xa0;; l&apos;annulation l&apos;écraserait. Rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <location filename="../model/edits/filetransaction.cpp" line="267"/>
        <source>%1 was changed after Retort&apos;s edit; undoing would lose that change. Nothing was changed.</source>
        <translation>%1 a été modifié après la modification effectuée par Retort&#xa0;; l&apos;annulation ferait perdre ce changement. Rien n&apos;a été modifié.</translation>
    </message>
</context>
<context>
    <name>GitStatus</name>
    <message>
        <location filename="../model/edits/gitstatus.cpp" line="41"/>
        <source>git could not be started (%1)</source>
        <translation>git n&apos;a pas pu être démarré (%1)</translation>
    </message>
    <message numerus="yes">
        <location filename="../model/edits/gitstatus.cpp" line="47"/>
        <source>git did not answer within %n second(s)</source>
        <translation>
            <numerusform>git n&apos;a pas répondu en %n seconde</numerusform>
            <numerusform>git n&apos;a pas répondu en %n secondes</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../model/edits/gitstatus.cpp" line="155"/>
        <source>%1 is pushed (%2): other checkouts, CI or deploys may have applied it to databases Retort does not know.</source>
        <translation>%1 a été poussée (push) sur %2&#xa0;: d&apos;autres copies de travail, la CI ou des déploiements ont pu l&apos;appliquer à des bases de données que Retort ne connaît pas.</translation>
    </message>
    <message>
        <location filename="../model/edits/gitstatus.cpp" line="159"/>
        <source>%1 is also on the branches %2: a database migrated from one of them may have it applied.</source>
        <translation>%1 se trouve aussi sur les branches %2&#xa0;: une base de données migrée depuis l&apos;une d&apos;elles peut l&apos;avoir appliquée.</translation>
    </message>
    <message>
        <location filename="../model/edits/gitstatus.cpp" line="177"/>
        <source>%1 is not committed: deleting it loses it from git too (the trash keeps a copy).</source>
        <translation>%1 n&apos;est pas validée (commit)&#xa0;: la supprimer la fait aussi disparaître de git (la corbeille en garde une copie).</translation>
    </message>
    <message>
        <location filename="../model/edits/gitstatus.cpp" line="180"/>
        <source>%1 has changes that are not committed.</source>
        <translation>%1 comporte des modifications non validées (commit).</translation>
    </message>
    <message>
        <location filename="../model/edits/gitstatus.cpp" line="183"/>
        <source>%1 is committed: the deletion is a change to commit.</source>
        <translation>%1 est validée (commit)&#xa0;: la suppression est une modification à valider.</translation>
    </message>
</context>
<context>
    <name>GraphExport</name>
    <message>
        <location filename="../model/graph/graphexport.cpp" line="45"/>
        <source>unknown row %1</source>
        <translation>ligne inconnue %1</translation>
    </message>
    <message>
        <location filename="../model/graph/graphexport.cpp" line="48"/>
        <source>no %1 table</source>
        <translation>pas de table %1</translation>
    </message>
    <message>
        <location filename="../model/graph/graphexport.cpp" line="50"/>
        <source>no version rows</source>
        <translation>aucune ligne de version</translation>
    </message>
</context>
<context>
    <name>GraphExportDialog</name>
    <message>
        <location filename="../widgets/graphexportdialog.cpp" line="39"/>
        <source>No database has been read yet: add an environment, or read the config&apos;s database, in the database bar first.</source>
        <translation>Aucune base de données n&apos;a encore été lue&#xa0;: ajoutez d&apos;abord un environnement, ou lisez la base de données de la configuration, dans la barre des bases de données.</translation>
    </message>
    <message>
        <location filename="../widgets/graphexportdialog.cpp" line="82"/>
        <source>There is no graph to export yet.</source>
        <translation>Il n&apos;y a pas encore de graphe à exporter.</translation>
    </message>
    <message>
        <location filename="../widgets/graphexportdialog.cpp" line="87"/>
        <source>Choose a file name ending in .svg, .png or .dot.</source>
        <translation>Choisissez un nom de fichier se terminant par .svg, .png ou .dot.</translation>
    </message>
    <message>
        <location filename="../widgets/graphexportdialog.cpp" line="100"/>
        <source>Export Graph</source>
        <translation>Exporter le graphe</translation>
    </message>
    <message>
        <location filename="../widgets/graphexportdialog.cpp" line="101"/>
        <source>SVG image (*.svg);;PNG image (*.png);;Graphviz DOT (*.dot)</source>
        <translation>Image SVG (*.svg);;Image PNG (*.png);;Graphviz DOT (*.dot)</translation>
    </message>
    <message>
        <location filename="../widgets/graphexportdialog.cpp" line="111"/>
        <source>Show where each database stands</source>
        <translation>Indiquer où en est chaque base de données</translation>
    </message>
    <message>
        <location filename="../widgets/graphexportdialog.cpp" line="116"/>
        <source>Draws each environment&apos;s pin on the revisions its version table names, as the window shows them, with a legend.</source>
        <translation>Dessine le repère de chaque environnement sur les révisions que nomme sa table des versions, tel que la fenêtre les affiche, avec une légende.</translation>
    </message>
    <message>
        <location filename="../widgets/graphexportdialog.cpp" line="145"/>
        <source>Cannot Export Graph</source>
        <translation>Impossible d&apos;exporter le graphe</translation>
    </message>
    <message>
        <location filename="../widgets/graphexportdialog.cpp" line="146"/>
        <source>%1 was not written:</source>
        <translation>%1 n&apos;a pas été écrit&#xa0;:</translation>
    </message>
</context>
<context>
    <name>GraphExporter</name>
    <message>
        <location filename="../widgets/drawing/graphexporter.cpp" line="68"/>
        <source>unknown to this project</source>
        <translation>inconnue de ce projet</translation>
    </message>
    <message>
        <location filename="../widgets/drawing/graphexporter.cpp" line="90"/>
        <source>Alembic revision graph</source>
        <translation>Graphe des révisions Alembic</translation>
    </message>
    <message>
        <location filename="../widgets/drawing/graphexporter.cpp" line="91"/>
        <source>Alembic revision graph drawn by Retort</source>
        <translation>Graphe des révisions Alembic dessiné par Retort</translation>
    </message>
    <message>
        <location filename="../widgets/drawing/graphexporter.cpp" line="124"/>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d&apos;écrire %1&#xa0;: %2</translation>
    </message>
    <message>
        <location filename="../widgets/drawing/graphexporter.cpp" line="141"/>
        <source>Cannot draw the graph as a PNG image: it is too large. Export it as SVG instead.</source>
        <translation>Impossible de dessiner le graphe sous forme d&apos;image PNG&#xa0;: il est trop grand. Exportez-le plutôt en SVG.</translation>
    </message>
</context>
<context>
    <name>GraphLayout</name>
    <message>
        <location filename="../model/graph/graphvizlayout.cpp" line="114"/>
        <source>Graphviz could not create a graph.</source>
        <translation>Graphviz n&apos;a pas pu créer de graphe.</translation>
    </message>
    <message>
        <location filename="../model/graph/graphlayout.cpp" line="26"/>
        <source>An edge names a node that does not exist.</source>
        <translation>Une arête désigne un nœud qui n&apos;existe pas.</translation>
    </message>
    <message numerus="yes">
        <location filename="../model/graph/graphlayout.cpp" line="41"/>
        <source>%n cards are more than Graphviz lays out in reasonable time</source>
        <translation>
            <numerusform>%n carte, c&apos;est plus que ce que Graphviz peut mettre en page en un temps raisonnable</numerusform>
            <numerusform>%n cartes, c&apos;est plus que ce que Graphviz peut mettre en page en un temps raisonnable</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../model/graph/graphlayout.cpp" line="51"/>
        <source>%1; showing a simpler layered layout.</source>
        <translation>%1&#xa0;; affichage d&apos;une disposition en couches plus simple.</translation>
    </message>
    <message>
        <location filename="../model/graph/graphvizlayout.cpp" line="157"/>
        <source>Graphviz could not lay out the graph: %1 Check that the Graphviz plugins are installed and configured (run `dot -c` as root).</source>
        <translation>Graphviz n&apos;a pas pu effectuer la mise en page du graphe&#xa0;: %1 Vérifiez que les modules d&apos;extension de Graphviz sont installés et configurés (exécutez `dot -c` en tant que root).</translation>
    </message>
</context>
<context>
    <name>GraphOverview</name>
    <message>
        <location filename="../widgets/graphoverview.cpp" line="24"/>
        <source>Overview: click or drag to move the graph</source>
        <translation>Vue d&apos;ensemble&#xa0;: cliquez ou faites glisser pour déplacer le graphe</translation>
    </message>
</context>
<context>
    <name>GraphPainter</name>
    <message>
        <location filename="../widgets/drawing/graphpainter.cpp" line="156"/>
        <location filename="../widgets/drawing/graphpainter.cpp" line="296"/>
        <source>HEAD</source>
        <translation>TÊTE</translation>
    </message>
    <message>
        <location filename="../widgets/drawing/graphpainter.cpp" line="157"/>
        <location filename="../widgets/drawing/graphpainter.cpp" line="298"/>
        <source>MERGE</source>
        <translation>FUSION</translation>
    </message>
    <message>
        <location filename="../widgets/drawing/graphpainter.cpp" line="158"/>
        <location filename="../widgets/drawing/graphpainter.cpp" line="301"/>
        <source>BRANCH</source>
        <translation>BRANCHE</translation>
    </message>
    <message>
        <location filename="../widgets/drawing/graphpainter.cpp" line="159"/>
        <location filename="../widgets/drawing/graphpainter.cpp" line="303"/>
        <source>BASE</source>
        <translation>BASE</translation>
    </message>
</context>
<context>
    <name>GraphPicture</name>
    <message numerus="yes">
        <location filename="../model/graph/graphpicture.cpp" line="62"/>
        <source>%n revisions</source>
        <translation>
            <numerusform>%n révision</numerusform>
            <numerusform>%n révisions</numerusform>
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
        <translation>révision manquante</translation>
    </message>
</context>
<context>
    <name>HeadMaintainer</name>
    <message>
        <location filename="../model/history/headmaintainer.cpp" line="63"/>
        <source>Cannot insert %1: the version table already has that row.</source>
        <translation>Impossible d&apos;insérer %1&#xa0;: la table des versions contient déjà cette ligne.</translation>
    </message>
    <message>
        <location filename="../model/history/headmaintainer.cpp" line="74"/>
        <source>Cannot delete %1: the version table has no such row (alembic stops here with a KeyError).</source>
        <translation>Impossible de supprimer %1&#xa0;: la table des versions ne contient pas cette ligne (alembic s&apos;arrête ici avec une KeyError).</translation>
    </message>
    <message>
        <location filename="../model/history/headmaintainer.cpp" line="86"/>
        <source>Cannot update %1 to %2: the version table already has %2.</source>
        <translation>Impossible de remplacer %1 par %2&#xa0;: la table des versions contient déjà %2.</translation>
    </message>
    <message>
        <location filename="../model/history/headmaintainer.cpp" line="90"/>
        <source>Cannot update %1 to %2: the version table has no row %1 (alembic stops here with a KeyError).</source>
        <translation>Impossible de remplacer %1 par %2&#xa0;: la table des versions ne contient pas de ligne %1 (alembic s&apos;arrête ici avec une KeyError).</translation>
    </message>
    <message>
        <location filename="../model/history/headmaintainer.cpp" line="146"/>
        <source>This stamp step has nothing to move from.</source>
        <translation>Cette étape de marquage (stamp) n&apos;a aucun point de départ.</translation>
    </message>
    <message>
        <location filename="../model/history/headmaintainer.cpp" line="162"/>
        <source>Cannot merge into %1: every parent is implied by another row.</source>
        <translation>Impossible de fusionner dans %1&#xa0;: chaque parent est déjà couvert par une autre ligne.</translation>
    </message>
    <message>
        <location filename="../model/history/headmaintainer.cpp" line="184"/>
        <source>Can&apos;t do an UPDATE because downrevision is ambiguous</source>
        <translation>Impossible d&apos;effectuer un UPDATE, car downrevision est ambigu</translation>
    </message>
</context>
<context>
    <name>HeaderEvaluator</name>
    <message>
        <location filename="../model/python/headerevaluator.cpp" line="41"/>
        <source>%1 could not load the file: %2</source>
        <translation>%1 n&apos;a pas pu charger le fichier&#xa0;: %2</translation>
    </message>
    <message>
        <location filename="../model/python/headerevaluator.cpp" line="86"/>
        <source>%1 cannot be started (%2). Choose the project&apos;s Python interpreter.</source>
        <translation>Impossible de démarrer %1 (%2). Choisissez l&apos;interpréteur Python du projet.</translation>
    </message>
    <message>
        <location filename="../model/python/headerevaluator.cpp" line="112"/>
        <source>%1 cannot import alembic (%2). Install alembic in the project&apos;s environment, or choose the interpreter that has it.</source>
        <translation>%1 ne peut pas importer alembic (%2). Installez alembic dans l&apos;environnement du projet, ou choisissez l&apos;interpréteur qui le contient.</translation>
    </message>
    <message>
        <location filename="../model/python/headerevaluator.cpp" line="120"/>
        <source>evaluated by %1 (Python %2, alembic %3)</source>
        <translation>évalué par %1 (Python %2, alembic %3)</translation>
    </message>
    <message>
        <location filename="../model/python/headerevaluator.cpp" line="142"/>
        <source>%1 stopped before it could evaluate anything: %2</source>
        <translation>%1 s&apos;est arrêté avant d&apos;avoir pu évaluer quoi que ce soit&#xa0;: %2</translation>
    </message>
    <message>
        <location filename="../model/python/headerevaluator.cpp" line="143"/>
        <source>no output</source>
        <translation>aucune sortie</translation>
    </message>
    <message>
        <location filename="../model/python/headerevaluator.cpp" line="150"/>
        <source>the interpreter stopped before this file</source>
        <translation>l&apos;interpréteur s&apos;est arrêté avant ce fichier</translation>
    </message>
    <message numerus="yes">
        <location filename="../model/python/headerevaluator.cpp" line="157"/>
        <source>loading it did not finish within %n second(s)</source>
        <translation>
            <numerusform>son chargement ne s&apos;est pas terminé en %n seconde</numerusform>
            <numerusform>son chargement ne s&apos;est pas terminé en %n secondes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HeaderResolver</name>
    <message>
        <location filename="../model/project/headerresolver.cpp" line="138"/>
        <source>module %1 is not in the project&apos;s source tree (searched %2)</source>
        <translation>le module %1 ne se trouve pas dans l&apos;arborescence des sources du projet (recherché dans&#xa0;: %2)</translation>
    </message>
    <message>
        <location filename="../model/project/headerresolver.cpp" line="139"/>
        <source>no folders</source>
        <translation>aucun dossier</translation>
    </message>
    <message>
        <location filename="../model/project/headerresolver.cpp" line="150"/>
        <source>&apos;.%1&apos; is taken from something that is not a module</source>
        <translation>«&#xa0;.%1&#xa0;» est lu sur un objet qui n&apos;est pas un module</translation>
    </message>
    <message>
        <location filename="../model/project/headerresolver.cpp" line="153"/>
        <source>%1 cannot be read</source>
        <translation>impossible de lire %1</translation>
    </message>
    <message>
        <location filename="../model/project/headerresolver.cpp" line="170"/>
        <location filename="../model/project/headerresolver.cpp" line="194"/>
        <source>%1 may come from a `*` import in %2</source>
        <translation>%1 peut provenir d&apos;un import `*` dans %2</translation>
    </message>
    <message>
        <location filename="../model/project/headerresolver.cpp" line="171"/>
        <source>%1 defines no module-level %2</source>
        <translation>%1 ne définit pas de %2 au niveau du module</translation>
    </message>
    <message>
        <location filename="../model/project/headerresolver.cpp" line="178"/>
        <location filename="../model/project/headerresolver.cpp" line="213"/>
        <source>%1 is defined through too many names</source>
        <translation>%1 est défini via un trop grand nombre de noms</translation>
    </message>
    <message>
        <location filename="../model/project/headerresolver.cpp" line="180"/>
        <source>%1 is changed by module-level code in %2, so only running it tells its value</source>
        <translation>%1 est modifié par du code au niveau du module dans %2&#xa0;; seule l&apos;exécution permet donc d&apos;en connaître la valeur</translation>
    </message>
    <message>
        <location filename="../model/project/headerresolver.cpp" line="195"/>
        <source>%1 is not defined at module level in %2</source>
        <translation>%1 n&apos;est pas défini au niveau du module dans %2</translation>
    </message>
    <message>
        <location filename="../model/project/headerresolver.cpp" line="204"/>
        <source>%1 = %2 (%3:%4)</source>
        <translation>%1 = %2 (%3:%4)</translation>
    </message>
    <message>
        <location filename="../model/project/headerresolver.cpp" line="237"/>
        <source>%1 is not a string</source>
        <translation>%1 n&apos;est pas une chaîne de caractères</translation>
    </message>
    <message>
        <location filename="../model/project/headerresolver.cpp" line="258"/>
        <source>%1 is computed, not a constant</source>
        <translation>%1 est calculé, ce n&apos;est pas une constante</translation>
    </message>
    <message>
        <location filename="../model/project/headerresolver.cpp" line="274"/>
        <source>%1 is a module</source>
        <translation>%1 est un module</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <location filename="../widgets/historyview.cpp" line="116"/>
        <source>Revision history</source>
        <translation>Historique des révisions</translation>
    </message>
</context>
<context>
    <name>IniConfig</name>
    <message>
        <location filename="../model/project/iniconfig.cpp" line="78"/>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1&#xa0;: %2</translation>
    </message>
    <message>
        <location filename="../model/project/iniconfig.cpp" line="101"/>
        <source>%1 starts with a UTF-8 byte-order mark, which Python&apos;s ConfigParser (used by alembic) does not skip; alembic will not find the first section. Save the file without a BOM.</source>
        <translation>%1 commence par une marque d&apos;ordre des octets (BOM) UTF-8, que le ConfigParser de Python (utilisé par alembic) n&apos;ignore pas&#xa0;; alembic ne trouvera pas la première section. Enregistrez le fichier sans BOM.</translation>
    </message>
    <message>
        <location filename="../model/project/iniconfig.cpp" line="111"/>
        <source>%1 is not valid UTF-8; alembic cannot read it. Invalid bytes were replaced.</source>
        <translation>%1 n&apos;est pas de l&apos;UTF-8 valide&#xa0;; alembic ne peut pas le lire. Les octets invalides ont été remplacés.</translation>
    </message>
    <message>
        <location filename="../model/project/iniconfig.cpp" line="164"/>
        <source>Section [%1] appears more than once in %2 (again at line %3); Python&apos;s ConfigParser (used by alembic) rejects the file. Merge the sections.</source>
        <translation>La section [%1] apparaît plusieurs fois dans %2 (de nouveau à la ligne %3)&#xa0;; le ConfigParser de Python (utilisé par alembic) rejette le fichier. Fusionnez les sections.</translation>
    </message>
    <message>
        <location filename="../model/project/iniconfig.cpp" line="181"/>
        <source>%1 has text before its first section header (line %2: &apos;%3&apos;); Python&apos;s ConfigParser (used by alembic) rejects the file. Start the file with a section such as [alembic].</source>
        <translation>%1 contient du texte avant son premier en-tête de section (ligne %2&#xa0;: «&#xa0;%3&#xa0;»)&#xa0;; le ConfigParser de Python (utilisé par alembic) rejette le fichier. Commencez le fichier par une section telle que [alembic].</translation>
    </message>
    <message>
        <location filename="../model/project/iniconfig.cpp" line="201"/>
        <source>%1 line %2 is neither a section header, a &apos;name = value&apos; option nor a comment: &apos;%3&apos;; Python&apos;s ConfigParser (used by alembic) rejects the file.</source>
        <translation>La ligne %2 de %1 n&apos;est ni un en-tête de section, ni une option «&#xa0;name = value&#xa0;», ni un commentaire&#xa0;: «&#xa0;%3&#xa0;»&#xa0;; le ConfigParser de Python (utilisé par alembic) rejette le fichier.</translation>
    </message>
    <message>
        <location filename="../model/project/iniconfig.cpp" line="211"/>
        <source>Option &apos;%1&apos; is set more than once in section [%2] of %3 (again at line %4); Python&apos;s ConfigParser (used by alembic) rejects the file. Remove one of them.</source>
        <translation>L&apos;option «&#xa0;%1&#xa0;» est définie plusieurs fois dans la section [%2] de %3 (de nouveau à la ligne %4)&#xa0;; le ConfigParser de Python (utilisé par alembic) rejette le fichier. Supprimez l&apos;une des occurrences.</translation>
    </message>
    <message>
        <location filename="../model/project/iniconfig.cpp" line="320"/>
        <source>No section [%1] in %2.</source>
        <translation>Aucune section [%1] dans %2.</translation>
    </message>
    <message>
        <location filename="../model/project/iniconfig.cpp" line="324"/>
        <source>No option &apos;%1&apos; in section [%2] of %3.</source>
        <translation>Aucune option «&#xa0;%1&#xa0;» dans la section [%2] de %3.</translation>
    </message>
    <message>
        <location filename="../model/project/iniconfig.cpp" line="333"/>
        <source>option &apos;%1&apos; in section [%2] of %3 (line %4)</source>
        <translation>option «&#xa0;%1&#xa0;» de la section [%2] de %3 (ligne %4)</translation>
    </message>
    <message>
        <location filename="../model/project/iniconfig.cpp" line="339"/>
        <source>Recursion limit exceeded in value substitution: %1 cannot be substituted in %2 steps. Raw value: &apos;%3&apos;</source>
        <translation>Limite de récursion dépassée lors de la substitution de valeurs&#xa0;: %1 ne peut pas être substitué en %2 étapes. Valeur brute&#xa0;: «&#xa0;%3&#xa0;»</translation>
    </message>
    <message>
        <location filename="../model/project/iniconfig.cpp" line="360"/>
        <source>Bad interpolation variable reference in %1: &apos;%2&apos;. Use %(name)s, and write a literal percent sign as %%.</source>
        <translation>Référence de variable d&apos;interpolation incorrecte dans %1&#xa0;: «&#xa0;%2&#xa0;». Utilisez %(name)s et écrivez un signe pourcentage littéral sous la forme %%.</translation>
    </message>
    <message>
        <location filename="../model/project/iniconfig.cpp" line="369"/>
        <source>Bad value substitution: %1 refers to &apos;%(%2)s&apos;, but there is no option &apos;%2&apos; in that section or in [DEFAULT]. Raw value: &apos;%3&apos;</source>
        <translation>Substitution de valeur incorrecte&#xa0;: %1 fait référence à «&#xa0;%(%2)s&#xa0;», mais il n&apos;existe aucune option «&#xa0;%2&#xa0;» dans cette section ni dans [DEFAULT]. Valeur brute&#xa0;: «&#xa0;%3&#xa0;»</translation>
    </message>
    <message>
        <location filename="../model/project/iniconfig.cpp" line="381"/>
        <source>Bad interpolation syntax in %1: &apos;%&apos; must be followed by &apos;%&apos; or &apos;(&apos;, found: &apos;%2&apos;. Write a literal percent sign as %%.</source>
        <translation>Syntaxe d&apos;interpolation incorrecte dans %1&#xa0;: «&#xa0;%&#xa0;» doit être suivi de «&#xa0;%&#xa0;» ou de «&#xa0;(&#xa0;», trouvé&#xa0;: «&#xa0;%2&#xa0;». Écrivez un signe pourcentage littéral sous la forme %%.</translation>
    </message>
</context>
<context>
    <name>InterpreterDialog</name>
    <message>
        <location filename="../widgets/interpreterdialog.cpp" line="25"/>
        <location filename="../widgets/interpreterdialog.cpp" line="56"/>
        <source>Python Interpreter</source>
        <translation>Interpréteur Python</translation>
    </message>
    <message>
        <location filename="../widgets/interpreterdialog.cpp" line="28"/>
        <source>Upgrades and downgrades run real alembic in the project&apos;s Python. retort-cli uses the same choice.</source>
        <translation>Les mises à niveau et les rétrogradations exécutent réellement alembic avec le Python du projet. retort-cli utilise le même choix.</translation>
    </message>
    <message>
        <location filename="../widgets/interpreterdialog.cpp" line="32"/>
        <source>Find it automatically</source>
        <translation>Le trouver automatiquement</translation>
    </message>
    <message>
        <location filename="../widgets/interpreterdialog.cpp" line="33"/>
        <source>Looking…</source>
        <translation>Recherche…</translation>
    </message>
    <message>
        <location filename="../widgets/interpreterdialog.cpp" line="37"/>
        <source>Use this interpreter:</source>
        <translation>Utiliser cet interpréteur&#xa0;:</translation>
    </message>
    <message>
        <location filename="../widgets/interpreterdialog.cpp" line="40"/>
        <source>Interpreter to use</source>
        <translation>Interpréteur à utiliser</translation>
    </message>
    <message>
        <location filename="../widgets/interpreterdialog.cpp" line="41"/>
        <source>e.g. %1</source>
        <translation>p. ex. %1</translation>
    </message>
    <message>
        <location filename="../widgets/interpreterdialog.cpp" line="42"/>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <location filename="../widgets/interpreterdialog.cpp" line="50"/>
        <source>Check</source>
        <translation>Vérifier</translation>
    </message>
    <message>
        <location filename="../widgets/interpreterdialog.cpp" line="106"/>
        <source>Name an interpreter, or let Retort find one.</source>
        <translation>Indiquez un interpréteur ou laissez Retort en trouver un.</translation>
    </message>
    <message>
        <location filename="../widgets/interpreterdialog.cpp" line="111"/>
        <source>Asking %1 for alembic…</source>
        <translation>Recherche d&apos;alembic auprès de %1…</translation>
    </message>
    <message>
        <location filename="../widgets/interpreterdialog.cpp" line="122"/>
        <source>Python %1 with alembic %2 and SQLAlchemy %3.</source>
        <translation>Python %1 avec alembic %2 et SQLAlchemy %3.</translation>
    </message>
</context>
<context>
    <name>LayoutProcess</name>
    <message>
        <location filename="../model/graph/layoutprocess.cpp" line="53"/>
        <source>The layout was cancelled.</source>
        <translation>La mise en page du graphe a été annulée.</translation>
    </message>
    <message>
        <location filename="../model/graph/layoutprocess.cpp" line="84"/>
        <source>The layout helper retort-layout is not installed next to %1; reinstall Retort.</source>
        <translation>L&apos;outil de mise en page retort-layout n&apos;est pas installé à côté de %1&#xa0;; réinstallez Retort.</translation>
    </message>
    <message>
        <location filename="../model/graph/layoutprocess.cpp" line="86"/>
        <source>RETORT_LAYOUT_HELPER names %1, which is not an executable file.</source>
        <translation>RETORT_LAYOUT_HELPER désigne %1, qui n&apos;est pas un fichier exécutable.</translation>
    </message>
    <message>
        <location filename="../model/graph/layoutprocess.cpp" line="95"/>
        <source>The layout helper %1 could not be started: %2</source>
        <translation>L&apos;outil de mise en page %1 n&apos;a pas pu être démarré&#xa0;: %2</translation>
    </message>
    <message>
        <location filename="../model/graph/layoutprocess.cpp" line="58"/>
        <source>Graphviz was stopped on request</source>
        <translation>Graphviz a été arrêté à la demande</translation>
    </message>
    <message numerus="yes">
        <location filename="../model/graph/layoutprocess.cpp" line="113"/>
        <source>Graphviz did not finish within %n seconds</source>
        <translation>
            <numerusform>Graphviz n&apos;a pas terminé en %n seconde</numerusform>
            <numerusform>Graphviz n&apos;a pas terminé en %n secondes</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../model/graph/layoutprocess.cpp" line="120"/>
        <source>Graphviz needed more than its %1 MB of memory</source>
        <translation>Graphviz a eu besoin de plus que les %1 Mo de mémoire qui lui sont alloués</translation>
    </message>
    <message>
        <location filename="../model/graph/layoutprocess.cpp" line="122"/>
        <source>Graphviz crashed</source>
        <translation>Graphviz s&apos;est arrêté brutalement</translation>
    </message>
    <message>
        <location filename="../model/graph/layoutprocess.cpp" line="123"/>
        <source>Graphviz crashed (%1)</source>
        <translation>Graphviz s&apos;est arrêté brutalement (%1)</translation>
    </message>
    <message>
        <location filename="../model/graph/layoutprocess.cpp" line="127"/>
        <source>Graphviz failed (exit code %1)</source>
        <translation>Graphviz a échoué (code de sortie %1)</translation>
    </message>
</context>
<context>
    <name>LayoutProtocol</name>
    <message>
        <location filename="../model/graph/layoutprotocol.cpp" line="80"/>
        <source>The layout helper and Retort do not understand each other (a retort-layout from another installation?). Reinstall Retort.</source>
        <translation>L&apos;outil de mise en page et Retort ne se comprennent pas (un retort-layout provenant d&apos;une autre installation&#xa0;?). Réinstallez Retort.</translation>
    </message>
</context>
<context>
    <name>MainActions</name>
    <message>
        <location filename="../widgets/mainactions.cpp" line="41"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="42"/>
        <source>&amp;Open…</source>
        <translation>&amp;Ouvrir…</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="45"/>
        <source>Open an alembic.ini, a pyproject.toml, or a revision file&apos;s project</source>
        <translation>Ouvrir un alembic.ini, un pyproject.toml ou le projet d&apos;un fichier de révision</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="46"/>
        <source>Open &amp;Folder…</source>
        <translation>Ouvrir un &amp;dossier…</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="49"/>
        <source>Open a project folder, a migrations folder (with env.py) or a versions folder</source>
        <translation>Ouvrir un dossier de projet, un dossier de migrations (avec env.py) ou un dossier de versions</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="50"/>
        <source>Open &amp;Recent</source>
        <translation>Ouvrir un projet &amp;récent</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="52"/>
        <source>Open &amp;Demo</source>
        <translation>Ouvrir la dé&amp;mo</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="53"/>
        <source>Open the bundled sample project</source>
        <translation>Ouvrir le projet d&apos;exemple fourni</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="55"/>
        <source>Re&amp;load</source>
        <translation>Rechar&amp;ger</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="58"/>
        <source>&amp;Export Graph…</source>
        <translation>&amp;Exporter le graphe…</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="60"/>
        <source>Save the graph as SVG, PNG or Graphviz DOT</source>
        <translation>Enregistrer le graphe au format SVG, PNG ou Graphviz DOT</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="62"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="65"/>
        <source>&amp;Edit</source>
        <translation>&amp;Édition</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="66"/>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="69"/>
        <source>&amp;Delete Revision…</source>
        <translation>&amp;Supprimer la révision…</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="72"/>
        <source>&amp;Copy Revision Id</source>
        <translation>&amp;Copier l&apos;identifiant de révision</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="74"/>
        <source>Copy File &amp;Path</source>
        <translation>Copier le che&amp;min du fichier</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="77"/>
        <source>&amp;Open in Editor</source>
        <translation>&amp;Ouvrir dans l&apos;éditeur</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="80"/>
        <source>Open the selected revision&apos;s file in your editor, at its upgrade()</source>
        <translation>Ouvrir le fichier de la révision sélectionnée dans votre éditeur, sur sa fonction upgrade()</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="82"/>
        <source>&amp;Find…</source>
        <translation>&amp;Rechercher…</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="83"/>
        <source>Find &amp;Next</source>
        <translation>Rechercher le suiva&amp;nt</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="84"/>
        <source>Find &amp;Previous</source>
        <translation>Rechercher le &amp;précédent</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="86"/>
        <source>External &amp;Editor…</source>
        <translation>&amp;Éditeur externe…</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="88"/>
        <source>Choose the editor that Open in Editor starts</source>
        <translation>Choisir l&apos;éditeur que lance «&#xa0;Ouvrir dans l&apos;éditeur&#xa0;»</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="90"/>
        <source>&amp;Settings…</source>
        <translation>Paramè&amp;tres…</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="94"/>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="95"/>
        <source>&amp;Fit to Window</source>
        <translation>A&amp;juster à la fenêtre</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="97"/>
        <source>Zoom to &amp;Selection</source>
        <translation>Zoomer sur la &amp;sélection</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="98"/>
        <source>Zoom &amp;In</source>
        <translation>Zoom a&amp;vant</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="99"/>
        <source>Zoom &amp;Out</source>
        <translation>Zoom a&amp;rrière</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="101"/>
        <source>&amp;Actual Size</source>
        <translation>&amp;Taille réelle</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="103"/>
        <source>&amp;Left to Right</source>
        <translation>De &amp;gauche à droite</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="106"/>
        <source>Draw the history from left to right instead of bottom to top</source>
        <translation>Dessiner l&apos;historique de gauche à droite au lieu de bas en haut</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="107"/>
        <source>&amp;Collapse Long Runs</source>
        <translation>&amp;Condenser les longues séquences</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="111"/>
        <source>In histories of over %1 revisions, show runs of plain revisions as one card</source>
        <translation>Dans les historiques de plus de %1 révisions, afficher les séquences de révisions simples sous forme d&apos;une seule carte</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="113"/>
        <source>List in &amp;History Order</source>
        <translation>Lister dans l&apos;ordre de l&apos;&amp;historique</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="114"/>
        <source>Show All &amp;Branches</source>
        <translation>Afficher toutes les &amp;branches</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="120"/>
        <source>&amp;Database</source>
        <translation>&amp;Base de données</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="121"/>
        <source>&amp;Upgrade to the Heads…</source>
        <translation>&amp;Mettre à niveau vers les têtes (upgrade)…</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="123"/>
        <source>Upgrade &amp;One Revision…</source>
        <translation>Mettre à niveau d&apos;&amp;une révision (upgrade)…</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="124"/>
        <source>&amp;Downgrade One Revision…</source>
        <translation>&amp;Rétrograder d&apos;une révision (downgrade)…</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="125"/>
        <source>Downgrade to &amp;Base…</source>
        <translation>Rétrograder jusqu&apos;à la &amp;base (downgrade)…</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="127"/>
        <source>&amp;Compare Schema…</source>
        <translation>&amp;Comparer le schéma…</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="129"/>
        <source>Compare the active environment&apos;s schema with the one its migrations give</source>
        <translation>Comparer le schéma de l&apos;environnement actif avec celui qui résulte de ses migrations</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="130"/>
        <source>Find &amp;Matching Revision…</source>
        <translation>&amp;Trouver la révision correspondante…</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="133"/>
        <source>Find the revision whose schema the active environment&apos;s database has, to stamp it there</source>
        <translation>Trouver la révision correspondant au schéma de la base de données de l&apos;environnement actif, pour l&apos;y marquer (stamp)</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="135"/>
        <source>&amp;Python Interpreter…</source>
        <translation>Interpréteur &amp;Python…</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="137"/>
        <source>Preview, then run alembic upgrade heads on the active environment</source>
        <translation>Afficher un aperçu, puis exécuter alembic upgrade heads sur l&apos;environnement actif</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="139"/>
        <source>&amp;Help</source>
        <translation>Ai&amp;de</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="141"/>
        <source>&amp;User Guide</source>
        <translation>&amp;Guide de l&apos;utilisateur</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="142"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="144"/>
        <source>&amp;About Retort</source>
        <translation>À &amp;propos de Retort</translation>
    </message>
    <message>
        <location filename="../widgets/mainactions.cpp" line="147"/>
        <source>Main</source>
        <translation>Barre d&apos;outils principale</translation>
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
        <translation>Rechercher dans les révisions</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="430"/>
        <source>Stopped reading.</source>
        <translation>Lecture interrompue.</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="431"/>
        <source>Stopped reading; the project shown is as it was read before.</source>
        <translation>Lecture interrompue&#xa0;; le projet affiché est tel qu&apos;il avait été lu auparavant.</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="446"/>
        <source>Retort could not open %1:</source>
        <translation>Retort n&apos;a pas pu ouvrir %1&#xa0;:</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="447"/>
        <source>Open Another…</source>
        <translation>Ouvrir un autre…</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="456"/>
        <source>Cannot Reload Project</source>
        <translation>Impossible de recharger le projet</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="459"/>
        <source>Reload</source>
        <translation>Recharger</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="580"/>
        <source>Alembic configuration or revision (alembic.ini *.ini pyproject.toml *.py);;All files (*)</source>
        <translation>Configuration ou révision Alembic (alembic.ini *.ini pyproject.toml *.py);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="588"/>
        <source>Open Alembic Project Folder</source>
        <translation>Ouvrir un dossier de projet Alembic</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="609"/>
        <source>%1 is not part of the history Retort read; the problems list may say why.</source>
        <translation>%1 ne fait pas partie de l&apos;historique lu par Retort&#xa0;; la liste des problèmes peut en indiquer la raison.</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="664"/>
        <source>Evaluate with Python</source>
        <translation>Évaluer avec Python</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="665"/>
        <source>Run the revision files whose header values Retort cannot work out in %1?</source>
        <translation>Exécuter dans %1 les fichiers de révision dont Retort ne parvient pas à déterminer les valeurs d&apos;en-tête&#xa0;?</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="670"/>
        <source>They are loaded the way alembic loads them, so their module-level code runs, with a time limit and without writing anything. Retort remembers the choice for this project.</source>
        <translation>Ils sont chargés comme alembic les charge&#xa0;: leur code au niveau du module s&apos;exécute donc, avec une limite de temps et sans rien écrire. Retort mémorise ce choix pour ce projet.</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="703"/>
        <source>%1 [%2]</source>
        <translation>%1 [%2]</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="707"/>
        <source>No recent projects</source>
        <translation>Aucun projet récent</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="709"/>
        <source>&amp;Clear Menu</source>
        <translation>&amp;Effacer la liste</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="298"/>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="79"/>
        <source>The password is kept for this session only: %1</source>
        <translation>Le mot de passe est conservé pour cette session uniquement&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="174"/>
        <source>Select a revision that has a file to delete it.</source>
        <translation>Sélectionnez une révision qui possède un fichier pour la supprimer.</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="321"/>
        <source>Problems</source>
        <translation>Problèmes</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="331"/>
        <source>Search id, message or label (Ctrl+F)</source>
        <translation>Rechercher un identifiant, un message ou une étiquette (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="413"/>
        <source>Reloading…</source>
        <translation>Rechargement…</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="413"/>
        <source>Opening %1…</source>
        <translation>Ouverture de %1…</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="443"/>
        <source>Cannot Open Project</source>
        <translation>Impossible d&apos;ouvrir le projet</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="187"/>
        <location filename="../widgets/mainwindow.cpp" line="197"/>
        <source>Copied %1.</source>
        <translation>Copié&#xa0;: %1.</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="192"/>
        <source>Select a revision that has a file to copy its path.</source>
        <translation>Sélectionnez une révision qui possède un fichier pour en copier le chemin.</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="210"/>
        <source>Select a revision that has a file to open it in the editor.</source>
        <translation>Sélectionnez une révision qui possède un fichier pour l&apos;ouvrir dans l&apos;éditeur.</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="427"/>
        <source>Reading the changed files was cancelled.</source>
        <translation>La lecture des fichiers modifiés a été interrompue.</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="457"/>
        <source>The history shown is the one read before. Fix the files, or reload; Retort reloads when they change. The reason:</source>
        <translation>L&apos;historique affiché est celui lu auparavant. Corrigez les fichiers ou rechargez&#xa0;; Retort recharge dès qu&apos;ils changent. La raison&#xa0;:</translation>
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
        <translation>Impossible d&apos;ouvrir la démo</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="534"/>
        <source>The sample project is not installed next to Retort.</source>
        <translation>Le projet d&apos;exemple n&apos;est pas installé à côté de Retort.</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/mainwindow.cpp" line="561"/>
        <source>%n matches</source>
        <translation>
            <numerusform>%n correspondance</numerusform>
            <numerusform>%n correspondances</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="579"/>
        <source>Open Alembic Project</source>
        <translation>Ouvrir un projet Alembic</translation>
    </message>
    <message>
        <location filename="../widgets/mainwindow.cpp" line="623"/>
        <source>Exported the graph to %1</source>
        <translation>Graphe exporté vers %1</translation>
    </message>
</context>
<context>
    <name>MigrateCommands</name>
    <message>
        <location filename="../app/cli/migratecommands.cpp" line="50"/>
        <source>(none)</source>
        <translation>(aucune)</translation>
    </message>
    <message>
        <location filename="../app/cli/migratecommands.cpp" line="56"/>
        <source>Upgrade %1: %2 -&gt; %3</source>
        <translation>Mise à niveau de %1&#xa0;: %2 -&gt; %3</translation>
    </message>
    <message>
        <location filename="../app/cli/migratecommands.cpp" line="56"/>
        <source>Downgrade %1: %2 -&gt; %3</source>
        <translation>Rétrogradation de %1&#xa0;: %2 -&gt; %3</translation>
    </message>
    <message>
        <location filename="../app/cli/migratecommands.cpp" line="62"/>
        <location filename="../app/cli/migratecommands.cpp" line="64"/>
        <source>Warning: %1</source>
        <translation>Avertissement&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../app/cli/migratecommands.cpp" line="250"/>
        <source>Run it? [y/N] </source>
        <translation>Exécuter&#xa0;? [y/N] </translation>
    </message>
    <message>
        <location filename="../app/cli/migratecommands.cpp" line="104"/>
        <source>Waiting for the lock held by %1…</source>
        <translation>En attente du verrou détenu par %1…</translation>
    </message>
    <message>
        <location filename="../app/cli/migratecommands.cpp" line="106"/>
        <source>Waiting for the lock held by %1: %2 s left</source>
        <translation>En attente du verrou détenu par %1&#xa0;: encore %2 s</translation>
    </message>
    <message>
        <location filename="../app/cli/migratecommands.cpp" line="123"/>
        <source>Cancelling: alembic is interrupted, then stopped.</source>
        <translation>Annulation&#xa0;: alembic est interrompu, puis arrêté.</translation>
    </message>
    <message>
        <location filename="../app/cli/migratecommands.cpp" line="139"/>
        <source>Name one target, e.g. `upgrade heads` or `upgrade +1`.</source>
        <translation>Indiquez une seule cible, p. ex. `upgrade heads` ou `upgrade +1`.</translation>
    </message>
    <message>
        <location filename="../app/cli/migratecommands.cpp" line="140"/>
        <source>Name one target, e.g. `downgrade -1` or `downgrade base`.</source>
        <translation>Indiquez une seule cible, p. ex. `downgrade -1` ou `downgrade base`.</translation>
    </message>
    <message>
        <location filename="../app/cli/migratecommands.cpp" line="145"/>
        <source>Running alembic needs the project&apos;s alembic.ini, and this project was opened without one; open it with -c path/to/alembic.ini.</source>
        <translation>L&apos;exécution d&apos;alembic nécessite le fichier alembic.ini du projet, or ce projet a été ouvert sans&#xa0;; ouvrez-le avec -c path/to/alembic.ini.</translation>
    </message>
    <message>
        <location filename="../app/cli/migratecommands.cpp" line="162"/>
        <source>Targets that work from %1: %2</source>
        <translation>Cibles possibles à partir de %1&#xa0;: %2</translation>
    </message>
    <message>
        <location filename="../app/cli/migratecommands.cpp" line="192"/>
        <source>Nothing to do.</source>
        <translation>Rien à faire.</translation>
    </message>
    <message>
        <location filename="../app/cli/migratecommands.cpp" line="208"/>
        <source>Note: %1 of &apos;%2&apos; is a secret kept in the window&apos;s keychain, which retort-cli does not read; set %1 in the environment to pass it on.</source>
        <translation>Remarque&#xa0;: %1 de «&#xa0;%2&#xa0;» est un secret conservé dans le trousseau de l&apos;application graphique, que retort-cli ne lit pas&#xa0;; définissez %1 dans l&apos;environnement pour le transmettre.</translation>
    </message>
    <message>
        <location filename="../app/cli/migratecommands.cpp" line="216"/>
        <source>This is a Flask-Migrate project (its env.py uses Flask&apos;s current_app), so retort-cli runs flask db %1 inside the Flask app, and FLASK_APP does not say which app that is: export FLASK_APP=module:app (or FLASK_APP=module), or add it to the environment&apos;s variables. Nothing was run.</source>
        <translation>Ceci est un projet Flask-Migrate (son env.py utilise current_app de Flask)&#xa0;; retort-cli exécute donc flask db %1 dans l&apos;application Flask, et FLASK_APP n&apos;indique pas de quelle application il s&apos;agit&#xa0;: exportez FLASK_APP=module:app (ou FLASK_APP=module), ou ajoutez-la aux variables de l&apos;environnement. Rien n&apos;a été exécuté.</translation>
    </message>
    <message>
        <location filename="../app/cli/migratecommands.cpp" line="226"/>
        <source>alembic writes SQL for one starting revision at a time, and the database has %1; give the range yourself with python -m alembic %2 FROM:TO --sql.</source>
        <translation>alembic n&apos;écrit le SQL que pour une seule révision de départ à la fois, or la base de données est à %1&#xa0;; indiquez vous-même la plage avec python -m alembic %2 FROM:TO --sql.</translation>
    </message>
    <message>
        <location filename="../app/cli/migratecommands.cpp" line="236"/>
        <source>If env.py cannot run offline (run_migrations_offline()), alembic cannot show the SQL.</source>
        <translation>Si env.py ne peut pas s&apos;exécuter hors ligne (run_migrations_offline()), alembic ne peut pas afficher le SQL.</translation>
    </message>
    <message>
        <location filename="../app/cli/migratecommands.cpp" line="248"/>
        <source>&apos;%1&apos; is protected: add --confirm %1 to change it.</source>
        <translation>«&#xa0;%1&#xa0;» est protégé&#xa0;: ajoutez --confirm %1 pour le modifier.</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/cli/migratecommands.cpp" line="251"/>
        <source>Not run: the plan has %n warning(s); read them, then add --yes to run it.</source>
        <translation>
            <numerusform>Non exécuté&#xa0;: le plan comporte %n avertissement&#xa0;; lisez-le, puis ajoutez --yes pour l&apos;exécuter.</numerusform>
            <numerusform>Non exécuté&#xa0;: le plan comporte %n avertissements&#xa0;; lisez-les, puis ajoutez --yes pour l&apos;exécuter.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/cli/migratecommands.cpp" line="292"/>
        <source>Version rows now: %1</source>
        <translation>Lignes de version actuelles&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../app/cli/migratecommands.cpp" line="303"/>
        <source>flask db reported success, but the version rows are %1, not %2 as planned. In a Flask-Migrate project the Flask app decides which database it migrates (its SQLALCHEMY_DATABASE_URI), not Retort: check that the app FLASK_APP names is configured for this database.</source>
        <translation>flask db a signalé un succès, mais les lignes de version sont %1, et non %2 comme prévu. Dans un projet Flask-Migrate, c&apos;est l&apos;application Flask qui décide quelle base de données elle migre (son SQLALCHEMY_DATABASE_URI), et non Retort&#xa0;: vérifiez que l&apos;application désignée par FLASK_APP est configurée pour cette base de données.</translation>
    </message>
    <message>
        <location filename="../app/cli/migratecommands.cpp" line="310"/>
        <source>alembic reported success, but the version rows are %1, not %2 as planned. env.py may ignore the URL Retort gives it (sqlalchemy.url) and have migrated another database: check how it connects.</source>
        <translation>alembic a signalé un succès, mais les lignes de version sont %1, et non %2 comme prévu. env.py ignore peut-être l&apos;URL que Retort lui transmet (sqlalchemy.url) et a migré une autre base de données&#xa0;: vérifiez comment il se connecte.</translation>
    </message>
    <message>
        <location filename="../app/cli/migratecommands.cpp" line="316"/>
        <source>Done. Version rows: %1</source>
        <translation>Terminé. Lignes de version&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>MigrationDialog</name>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="33"/>
        <source>(no rows)</source>
        <translation>(aucune ligne)</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="93"/>
        <source>I have read the &amp;warnings</source>
        <translation>J&apos;ai lu les &amp;avertissements</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="101"/>
        <source>Upgrade %1</source>
        <translation>Mettre à niveau %1 (upgrade)</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="101"/>
        <source>Downgrade %1</source>
        <translation>Rétrograder %1 (downgrade)</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="106"/>
        <source>Steps</source>
        <translation>Étapes</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="113"/>
        <source>Environment name to confirm</source>
        <translation>Nom de l&apos;environnement à confirmer</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="114"/>
        <source>Type %1 to confirm</source>
        <translation>Saisissez %1 pour confirmer</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="119"/>
        <source>alembic&apos;s output</source>
        <translation>Sortie d&apos;alembic</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="121"/>
        <source>SQL of the steps</source>
        <translation>SQL des étapes</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="128"/>
        <source>alembic&apos;s output appears here while it runs.</source>
        <translation>La sortie d&apos;alembic s&apos;affiche ici pendant son exécution.</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="129"/>
        <source>Show SQL writes the SQL of these steps here, as alembic writes it offline, without touching the database.</source>
        <translation>«&#xa0;Afficher le SQL&#xa0;» écrit ici le SQL de ces étapes, tel qu&apos;alembic l&apos;écrit hors ligne, sans toucher à la base de données.</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="132"/>
        <source>Output</source>
        <translation>Sortie</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="134"/>
        <source>&amp;Log</source>
        <translation>&amp;Journal</translation>
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
        <translation>Afficher le &amp;SQL</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="140"/>
        <source>The SQL of these steps, written by alembic offline (--sql): nothing is run on the database.</source>
        <translation>Le SQL de ces étapes, écrit par alembic hors ligne (--sql)&#xa0;: rien n&apos;est exécuté sur la base de données.</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="142"/>
        <source>&amp;Upgrade</source>
        <translation>&amp;Mettre à niveau</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="142"/>
        <source>&amp;Downgrade</source>
        <translation>&amp;Rétrograder</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="144"/>
        <source>&amp;Preview Again</source>
        <translation>&amp;Nouvel aperçu</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="156"/>
        <source>Another migration holds the lock on this database (%1); waiting %2 s more, or cancel.</source>
        <translation>Une autre migration détient le verrou sur cette base de données (%1)&#xa0;; attente de %2 s supplémentaires, ou annulez.</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="174"/>
        <source>Target</source>
        <translation>Cible</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="175"/>
        <source>P&amp;review</source>
        <translation>A&amp;perçu</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="179"/>
        <source>Choose a target instead:</source>
        <translation>Choisissez plutôt une cible&#xa0;:</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="196"/>
        <source>&lt;b&gt;%1 is protected.&lt;/b&gt; Type its name to change it.</source>
        <translation>&lt;b&gt;%1 est protégé.&lt;/b&gt; Saisissez son nom pour le modifier.</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="197"/>
        <source>Type the name of %1 to change it.</source>
        <translation>Saisissez le nom de %1 pour le modifier.</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="229"/>
        <source>Running alembic needs the project&apos;s alembic.ini, and this project was opened without one.</source>
        <translation>L&apos;exécution d&apos;alembic nécessite le fichier alembic.ini du projet, or ce projet a été ouvert sans.</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="246"/>
        <source>&lt;b&gt;Cannot upgrade %1 to %2:&lt;/b&gt; %3</source>
        <translation>&lt;b&gt;Impossible de mettre à niveau %1 vers %2&#xa0;:&lt;/b&gt; %3</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="246"/>
        <source>&lt;b&gt;Cannot downgrade %1 to %2:&lt;/b&gt; %3</source>
        <translation>&lt;b&gt;Impossible de rétrograder %1 vers %2&#xa0;:&lt;/b&gt; %3</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/migrationdialog.cpp" line="257"/>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2 → &lt;b&gt;%3&lt;/b&gt;, %n step(s) run by alembic, then the rows are checked.</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;&#xa0;: %2 → &lt;b&gt;%3&lt;/b&gt;, %n étape exécutée par alembic, puis vérification des lignes.</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;&#xa0;: %2 → &lt;b&gt;%3&lt;/b&gt;, %n étapes exécutées par alembic, puis vérification des lignes.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="265"/>
        <source>Nothing to do: the database is already there.</source>
        <translation>Rien à faire&#xa0;: la base de données est déjà dans cet état.</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="304"/>
        <source>Writing SQL…</source>
        <translation>Écriture du SQL…</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="307"/>
        <source>Cancel Run</source>
        <translation>Annuler l&apos;exécution</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="307"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="307"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="309"/>
        <source>The environments changed since this preview opened: close it and open it again.</source>
        <translation>Les environnements ont changé depuis l&apos;ouverture de cet aperçu&#xa0;: fermez-le et rouvrez-le.</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="347"/>
        <location filename="../widgets/migrationdialog.cpp" line="372"/>
        <source>Not run: %1</source>
        <translation>Non exécuté&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="334"/>
        <source># %1 is a secret the keychain has no value for: not passed on.</source>
        <translation># %1 est un secret pour lequel le trousseau n&apos;a aucune valeur&#xa0;: non transmis.</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="328"/>
        <source>no password was given.</source>
        <translation>aucun mot de passe n&apos;a été fourni.</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="353"/>
        <source>Checking that the project&apos;s Python can run alembic…</source>
        <translation>Vérification que le Python du projet peut exécuter alembic…</translation>
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
        <translation>alembic est en cours d&apos;exécution…</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="401"/>
        <source>alembic writes SQL for one starting revision at a time, and the database has %1; give the range yourself with python -m alembic %2 FROM:TO --sql.</source>
        <translation>alembic n&apos;écrit le SQL que pour une seule révision de départ à la fois, or la base de données est à %1&#xa0;; indiquez vous-même la plage avec python -m alembic %2 FROM:TO --sql.</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="411"/>
        <location filename="../widgets/migrationdialog.cpp" line="429"/>
        <source>The SQL was not written: %1</source>
        <translation>Le SQL n&apos;a pas été écrit&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="415"/>
        <source>alembic is writing the SQL offline…</source>
        <translation>alembic écrit le SQL hors ligne…</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="460"/>
        <source>alembic could not write the SQL offline: %1. If env.py cannot run offline (run_migrations_offline()), alembic cannot show the SQL.</source>
        <translation>alembic n&apos;a pas pu écrire le SQL hors ligne&#xa0;: %1. Si env.py ne peut pas s&apos;exécuter hors ligne (run_migrations_offline()), alembic ne peut pas afficher le SQL.</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/migrationdialog.cpp" line="466"/>
        <source>The SQL of the %n step(s), as alembic writes it offline: nothing was run on the database.</source>
        <translation>
            <numerusform>Le SQL de %n étape, tel qu&apos;alembic l&apos;écrit hors ligne&#xa0;: rien n&apos;a été exécuté sur la base de données.</numerusform>
            <numerusform>Le SQL des %n étapes, tel qu&apos;alembic l&apos;écrit hors ligne&#xa0;: rien n&apos;a été exécuté sur la base de données.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="485"/>
        <source>%1 The environment is no longer in the list, so its rows were not read again.</source>
        <translation>%1 L&apos;environnement ne figure plus dans la liste, ses lignes n&apos;ont donc pas été relues.</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="490"/>
        <source>Reading the version rows again…</source>
        <translation>Relecture des lignes de version…</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="507"/>
        <source>%1 The version rows could not be read again: %2</source>
        <translation>%1 Les lignes de version n&apos;ont pas pu être relues&#xa0;: %2</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="518"/>
        <source>%1 Version rows now: %2.</source>
        <translation>%1 Lignes de version actuelles&#xa0;: %2.</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="520"/>
        <source>alembic reported success, but the version rows are %1, not %2 as planned. env.py may ignore the URL Retort gives it (sqlalchemy.url) and have migrated another database: check how it connects.</source>
        <translation>alembic a signalé un succès, mais les lignes de version sont %1, et non %2 comme prévu. env.py ignore peut-être l&apos;URL que Retort lui transmet (sqlalchemy.url) et a migré une autre base de données&#xa0;: vérifiez comment il se connecte.</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/migrationdialog.cpp" line="527"/>
        <source>Done: %n step(s) ran. Version rows: %1.</source>
        <translation>
            <numerusform>Terminé&#xa0;: %n étape exécutée. Lignes de version&#xa0;: %1.</numerusform>
            <numerusform>Terminé&#xa0;: %n étapes exécutées. Lignes de version&#xa0;: %1.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="543"/>
        <source>Nothing ran: the version rows of %1 changed since this preview was made (%2 then, %3 now); someone else migrated or stamped it. Look at the new state, then preview again.</source>
        <translation>Rien n&apos;a été exécuté&#xa0;: les lignes de version de %1 ont changé depuis la création de cet aperçu (%2 alors, %3 maintenant)&#xa0;; quelqu&apos;un d&apos;autre a effectué une migration ou un marquage (stamp). Examinez le nouvel état, puis refaites l&apos;aperçu.</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="564"/>
        <source>Cancelled before alembic started: nothing ran.</source>
        <translation>Annulé avant le démarrage d&apos;alembic&#xa0;: rien n&apos;a été exécuté.</translation>
    </message>
    <message>
        <location filename="../widgets/migrationdialog.cpp" line="568"/>
        <source>Cancelling: alembic is interrupted, then stopped…</source>
        <translation>Annulation&#xa0;: alembic est interrompu, puis arrêté…</translation>
    </message>
</context>
<context>
    <name>MigrationPlanner</name>
    <message>
        <location filename="../model/history/migrationplanner.cpp" line="29"/>
        <source>The revision history has errors (files Retort could not read, cycles, missing or duplicate revisions), so Retort does not plan on it: alembic would fail or misread it. Run `retort-cli check` and fix them first.</source>
        <translation>L&apos;historique des révisions contient des erreurs (fichiers que Retort n&apos;a pas pu lire, cycles, révisions manquantes ou en double)&#xa0;; Retort n&apos;établit donc aucun plan à partir de celui-ci&#xa0;: alembic échouerait ou l&apos;interpréterait mal. Exécutez `retort-cli check` et corrigez-les d&apos;abord.</translation>
    </message>
    <message>
        <location filename="../model/history/migrationplanner.cpp" line="82"/>
        <source>Revision %1 has no %2() function, so alembic cannot run this %2 through it (it stops with AttributeError). Stamp past it instead, or add the function.</source>
        <translation>La révision %1 n&apos;a pas de fonction %2(), alembic ne peut donc pas effectuer ce %2 en passant par elle (il s&apos;arrête avec AttributeError). Marquez plutôt (stamp) une révision au-delà de celle-ci, ou ajoutez la fonction.</translation>
    </message>
    <message>
        <location filename="../model/history/migrationplanner.cpp" line="100"/>
        <source>Step &quot;%1&quot; cannot be applied: %2</source>
        <translation>L&apos;étape «&#xa0;%1&#xa0;» ne peut pas être appliquée&#xa0;: %2</translation>
    </message>
    <message>
        <location filename="../model/history/migrationplanner.cpp" line="140"/>
        <source>downgrade -1 from multiple heads is ambiguous; this usage will be disallowed in a future release.</source>
        <translation>downgrade -1 à partir de plusieurs têtes est ambigu&#xa0;; cet usage sera interdit dans une version future.</translation>
    </message>
    <message>
        <location filename="../model/history/migrationplanner.cpp" line="212"/>
        <source>The version table has rows both above and below %1 (%2), so alembic cannot stamp it. Stamp with purge to replace all rows.</source>
        <translation>La table des versions contient des lignes à la fois au-dessus et en dessous de %1 (%2), alembic ne peut donc pas y effectuer de marquage (stamp). Utilisez stamp avec purge pour remplacer toutes les lignes.</translation>
    </message>
</context>
<context>
    <name>ModelComparison</name>
    <message>
        <location filename="../model/schema/modelcomparison.cpp" line="226"/>
        <source>(none)</source>
        <translation>(aucune)</translation>
    </message>
    <message>
        <location filename="../model/schema/modelcomparison.cpp" line="232"/>
        <source>env.py</source>
        <translation>env.py</translation>
    </message>
    <message>
        <location filename="../model/schema/modelcomparison.cpp" line="235"/>
        <source>Target database is not up to date: it is at %1 and the migrations&apos; heads are %2. The models can only be compared with a database at the heads (as alembic check and revision --autogenerate do): upgrade it first, or compare it with the migrations at its stamped revisions instead.</source>
        <translation>La base de données cible n&apos;est pas à jour&#xa0;: elle est à %1 et les têtes des migrations sont %2. Les modèles ne peuvent être comparés qu&apos;avec une base de données aux têtes (comme le font alembic check et revision --autogenerate)&#xa0;: mettez-la d&apos;abord à niveau (upgrade), ou comparez-la plutôt avec les migrations à ses révisions marquées.</translation>
    </message>
    <message>
        <location filename="../model/schema/modelcomparison.cpp" line="242"/>
        <source>%1 sets target_metadata to None, so there are no models to compare with: set it to the models&apos; MetaData (e.g. `from myapp.models import Base` and `target_metadata = Base.metadata`), as alembic revision --autogenerate needs too.</source>
        <translation>%1 définit target_metadata à None, il n&apos;y a donc aucun modèle avec lequel comparer&#xa0;: affectez-lui le MetaData des modèles (p. ex. `from myapp.models import Base` et `target_metadata = Base.metadata`), comme l&apos;exige aussi alembic revision --autogenerate.</translation>
    </message>
    <message>
        <location filename="../model/schema/modelcomparison.cpp" line="250"/>
        <source>env.py could not import what it needs: %1 (at %2). Install the package for %3, or choose the project&apos;s own interpreter (e.g. its virtual environment).</source>
        <translation>env.py n&apos;a pas pu importer ce dont il a besoin&#xa0;: %1 (à %2). Installez le paquet pour %3, ou choisissez l&apos;interpréteur propre au projet (p. ex. son environnement virtuel).</translation>
    </message>
    <message>
        <location filename="../model/schema/modelcomparison.cpp" line="254"/>
        <source>env.py failed before the models could be compared: %1 (at %2). Fix it, then try again.</source>
        <translation>env.py a échoué avant que les modèles puissent être comparés&#xa0;: %1 (à %2). Corrigez le problème, puis réessayez.</translation>
    </message>
    <message>
        <location filename="../model/schema/modelcomparison.cpp" line="260"/>
        <source>alembic could not read the project (%1): %2</source>
        <translation>alembic n&apos;a pas pu lire le projet (%1)&#xa0;: %2</translation>
    </message>
    <message>
        <location filename="../model/schema/modelcomparison.cpp" line="266"/>
        <source>Comparing with the models failed: %1</source>
        <translation>La comparaison avec les modèles a échoué&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../model/schema/modelcomparison.cpp" line="335"/>
        <source>%1 gave no comparison (exit code %2).</source>
        <translation>%1 n&apos;a produit aucune comparaison (code de sortie %2).</translation>
    </message>
    <message>
        <location filename="../model/schema/modelcomparison.cpp" line="336"/>
        <source>Comparing with the models failed in %1: %2</source>
        <translation>La comparaison avec les modèles a échoué dans %1&#xa0;: %2</translation>
    </message>
    <message>
        <location filename="../model/schema/modelcomparison.cpp" line="373"/>
        <source>%1 cannot be started (%2).</source>
        <translation>Impossible de démarrer %1 (%2).</translation>
    </message>
    <message numerus="yes">
        <location filename="../model/schema/modelcomparison.cpp" line="381"/>
        <source>Comparing with the models took longer than %n second(s) and was stopped; env.py or the database may be waiting for something (a lock, a network connection).</source>
        <translation>
            <numerusform>La comparaison avec les modèles a duré plus de %n seconde et a été arrêtée&#xa0;; env.py ou la base de données attend peut-être quelque chose (un verrou, une connexion réseau).</numerusform>
            <numerusform>La comparaison avec les modèles a duré plus de %n secondes et a été arrêtée&#xa0;; env.py ou la base de données attend peut-être quelque chose (un verrou, une connexion réseau).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../model/schema/modelcomparison.cpp" line="391"/>
        <source>%1 crashed while comparing with the models.</source>
        <translation>%1 s&apos;est arrêté brutalement pendant la comparaison avec les modèles.</translation>
    </message>
</context>
<context>
    <name>NoticeBanner</name>
    <message>
        <location filename="../widgets/noticebanner.cpp" line="70"/>
        <location filename="../widgets/noticebanner.cpp" line="91"/>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <location filename="../widgets/noticebanner.cpp" line="79"/>
        <location filename="../widgets/noticebanner.cpp" line="80"/>
        <source>Dismiss</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>PasswordVault</name>
    <message>
        <location filename="../widgets/passwordvault.cpp" line="88"/>
        <source>Password for %1</source>
        <translation>Mot de passe pour %1</translation>
    </message>
    <message>
        <location filename="../widgets/passwordvault.cpp" line="89"/>
        <source>Password for %1 (kept in the system keychain when there is one, never in Retort&apos;s files):</source>
        <translation>Mot de passe pour %1 (conservé dans le trousseau du système s&apos;il y en a un, jamais dans les fichiers de Retort)&#xa0;:</translation>
    </message>
    <message>
        <location filename="../widgets/passwordvault.cpp" line="92"/>
        <source>Password for %1 (kept until Retort quits, never saved):</source>
        <translation>Mot de passe pour %1 (conservé jusqu&apos;à la fermeture de Retort, jamais enregistré)&#xa0;:</translation>
    </message>
</context>
<context>
    <name>PlanPreview</name>
    <message numerus="yes">
        <location filename="../model/history/planpreview.cpp" line="34"/>
        <source>the database will claim %n revision(s) whose upgrade() never ran here: %1</source>
        <translation>
            <numerusform>la base de données déclarera %n révision comme appliquée alors que sa fonction upgrade() n&apos;a jamais été exécutée ici&#xa0;: %1</numerusform>
            <numerusform>la base de données déclarera %n révisions comme appliquées alors que leur fonction upgrade() n&apos;a jamais été exécutée ici&#xa0;: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../model/history/planpreview.cpp" line="37"/>
        <source>%n revision(s) will count as not applied although their upgrade() ran: %1</source>
        <translation>
            <numerusform>%n révision sera considérée comme non appliquée bien que sa fonction upgrade() ait été exécutée&#xa0;: %1</numerusform>
            <numerusform>%n révisions seront considérées comme non appliquées bien que leur fonction upgrade() ait été exécutée&#xa0;: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../model/history/planpreview.cpp" line="40"/>
        <source>%n row(s) naming no revision of this project will be removed: %1</source>
        <translation>
            <numerusform>%n ligne ne désignant aucune révision de ce projet sera supprimée&#xa0;: %1</numerusform>
            <numerusform>%n lignes ne désignant aucune révision de ce projet seront supprimées&#xa0;: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../model/history/planpreview.cpp" line="42"/>
        <source>%n step(s) drop schema objects or delete data: %1</source>
        <translation>
            <numerusform>%n étape supprime des objets du schéma ou efface des données&#xa0;: %1</numerusform>
            <numerusform>%n étapes suppriment des objets du schéma ou effacent des données&#xa0;: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../model/history/planpreview.cpp" line="44"/>
        <source>%n step(s) add a NOT NULL column without a server default: %1</source>
        <translation>
            <numerusform>%n étape ajoute une colonne NOT NULL sans valeur par défaut côté serveur&#xa0;: %1</numerusform>
            <numerusform>%n étapes ajoutent une colonne NOT NULL sans valeur par défaut côté serveur&#xa0;: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../model/history/planpreview.cpp" line="46"/>
        <source>the downgrade() of %n revision(s) does nothing, so the version rows move while the schema stays: %1</source>
        <translation>
            <numerusform>la fonction downgrade() de %n révision ne fait rien, les lignes de version changent donc sans que le schéma change&#xa0;: %1</numerusform>
            <numerusform>les fonctions downgrade() de %n révisions ne font rien, les lignes de version changent donc sans que le schéma change&#xa0;: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../model/history/planpreview.cpp" line="51"/>
        <source>the downgrade() of %n revision(s) raises, so the run fails there: %1</source>
        <translation>
            <numerusform>la fonction downgrade() de %n révision lève une exception, l&apos;exécution échouera donc à cet endroit&#xa0;: %1</numerusform>
            <numerusform>les fonctions downgrade() de %n révisions lèvent une exception, l&apos;exécution échouera donc à cet endroit&#xa0;: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../model/history/planpreview.cpp" line="53"/>
        <source>%n revision(s) of other branches are reverted too, because they depend on revisions this downgrade reverts: %1</source>
        <translation>
            <numerusform>%n révision d&apos;autres branches est également annulée, car elle dépend de révisions que cette rétrogradation annule&#xa0;: %1</numerusform>
            <numerusform>%n révisions d&apos;autres branches sont également annulées, car elles dépendent de révisions que cette rétrogradation annule&#xa0;: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../model/history/planpreview.cpp" line="58"/>
        <source>%n revision(s) of other branches are applied too, because revisions of this upgrade depend on them: %1</source>
        <translation>
            <numerusform>%n révision d&apos;autres branches est également appliquée, car des révisions de cette mise à niveau en dépendent&#xa0;: %1</numerusform>
            <numerusform>%n révisions d&apos;autres branches sont également appliquées, car des révisions de cette mise à niveau en dépendent&#xa0;: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../model/history/planpreview.cpp" line="65"/>
        <source>%n revision(s) to apply cannot be downgraded later (downgrade() missing, empty or raising): %1</source>
        <translation>
            <numerusform>%n révision à appliquer ne pourra pas être rétrogradée plus tard (fonction downgrade() absente, vide ou levant une exception)&#xa0;: %1</numerusform>
            <numerusform>%n révisions à appliquer ne pourront pas être rétrogradées plus tard (fonction downgrade() absente, vide ou levant une exception)&#xa0;: %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../model/history/planpreview.cpp" line="74"/>
        <source>Stamp only if their changes are really in the schema.</source>
        <translation>Marquez (stamp) uniquement si leurs modifications sont réellement présentes dans le schéma.</translation>
    </message>
    <message>
        <location filename="../model/history/planpreview.cpp" line="76"/>
        <source>The next upgrade would run them again.</source>
        <translation>La prochaine mise à niveau (upgrade) les exécuterait de nouveau.</translation>
    </message>
    <message>
        <location filename="../model/history/planpreview.cpp" line="78"/>
        <source>Back up the data first, or check that it is no longer needed.</source>
        <translation>Sauvegardez d&apos;abord les données, ou vérifiez qu&apos;elles ne sont plus nécessaires.</translation>
    </message>
    <message>
        <location filename="../model/history/planpreview.cpp" line="80"/>
        <source>On a table that holds rows this fails; add the column nullable, fill it, then make it NOT NULL.</source>
        <translation>Sur une table contenant des lignes, cela échoue&#xa0;; ajoutez la colonne en autorisant les valeurs NULL, remplissez-la, puis rendez-la NOT NULL.</translation>
    </message>
    <message>
        <location filename="../model/history/planpreview.cpp" line="83"/>
        <source>Undo the schema changes by hand, or stamp instead if that is what you mean.</source>
        <translation>Annulez les modifications du schéma à la main, ou marquez plutôt la version (stamp) si c&apos;est ce que vous souhaitez.</translation>
    </message>
    <message>
        <location filename="../model/history/planpreview.cpp" line="85"/>
        <source>Downgrade to a later revision, or restore a backup.</source>
        <translation>Rétrogradez vers une révision plus récente, ou restaurez une sauvegarde.</translation>
    </message>
    <message>
        <location filename="../model/history/planpreview.cpp" line="87"/>
        <source>Their branches lose those changes too; downgrade to a later revision if that is not what you want.</source>
        <translation>Leurs branches perdent aussi ces modifications&#xa0;; rétrogradez vers une révision plus récente si ce n&apos;est pas ce que vous voulez.</translation>
    </message>
    <message>
        <location filename="../model/history/planpreview.cpp" line="90"/>
        <source>They are part of the schema of the branches they belong to; upgrade those first if that is not what you want.</source>
        <translation>Elles font partie du schéma des branches auxquelles elles appartiennent&#xa0;; mettez d&apos;abord celles-ci à niveau si ce n&apos;est pas ce que vous voulez.</translation>
    </message>
    <message>
        <location filename="../model/history/planpreview.cpp" line="162"/>
        <location filename="../model/history/planpreview.cpp" line="186"/>
        <source>%1 line %2: %3</source>
        <translation>%1, ligne %2&#xa0;: %3</translation>
    </message>
    <message>
        <location filename="../model/history/planpreview.cpp" line="233"/>
        <source>%1 depends on %2: %3 applied too</source>
        <translation>%1 dépend de %2&#xa0;: %3 est également appliquée</translation>
    </message>
    <message>
        <location filename="../model/history/planpreview.cpp" line="266"/>
        <source>%1 depends on %2, which is reverted</source>
        <translation>%1 dépend de %2, qui est annulée</translation>
    </message>
</context>
<context>
    <name>ProblemsPanel</name>
    <message>
        <location filename="../widgets/problemspanel.cpp" line="49"/>
        <source>Evaluate with Python…</source>
        <translation>Évaluer avec Python…</translation>
    </message>
    <message>
        <location filename="../widgets/problemspanel.cpp" line="52"/>
        <source>Problems</source>
        <translation>Problèmes</translation>
    </message>
    <message>
        <location filename="../widgets/problemspanel.cpp" line="65"/>
        <source>Load the revision files whose header values Retort cannot work out in the project&apos;s Python interpreter, the way alembic loads them</source>
        <translation>Charger dans l&apos;interpréteur Python du projet, comme alembic les charge, les fichiers de révision dont Retort ne parvient pas à déterminer les valeurs d&apos;en-tête</translation>
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
        <translation>Aucun problème détecté.</translation>
    </message>
    <message>
        <location filename="../widgets/problemspanel.cpp" line="127"/>
        <source>&amp;Show</source>
        <translation>&amp;Afficher</translation>
    </message>
    <message>
        <location filename="../widgets/problemspanel.cpp" line="131"/>
        <source>Open in &amp;Editor</source>
        <translation>Ouvrir dans l&apos;é&amp;diteur</translation>
    </message>
    <message>
        <location filename="../widgets/problemspanel.cpp" line="136"/>
        <source>%1, line %2</source>
        <translation>%1, ligne %2</translation>
    </message>
</context>
<context>
    <name>Project</name>
    <message>
        <location filename="../model/project/project.cpp" line="71"/>
        <source>The project loaded with errors, so nothing is written to the database: %1%2 Fix them first (retort-cli check lists them all).</source>
        <translation>Le projet a été chargé avec des erreurs, rien n&apos;est donc écrit dans la base de données&#xa0;: %1%2 Corrigez-les d&apos;abord (retort-cli check les liste toutes).</translation>
    </message>
    <message>
        <location filename="../model/project/project.cpp" line="79"/>
        <source>The project has no revisions, yet the database names %1. Check that Retort opened the right project and can read its versions folders; nothing is written.</source>
        <translation>Le projet n&apos;a aucune révision, pourtant la base de données indique %1. Vérifiez que Retort a ouvert le bon projet et peut lire ses dossiers de versions&#xa0;; rien n&apos;est écrit.</translation>
    </message>
</context>
<context>
    <name>ProjectConfig</name>
    <message>
        <location filename="../model/project/projectconfig.cpp" line="44"/>
        <source>No config file &apos;%1&apos; found, or file has no &apos;[%2]&apos; section</source>
        <translation>Aucun fichier de configuration «&#xa0;%1&#xa0;» trouvé, ou le fichier n&apos;a pas de section «&#xa0;[%2]&#xa0;»</translation>
    </message>
    <message>
        <location filename="../model/project/projectconfig.cpp" line="55"/>
        <source>%1 &apos;%2&apos; names a package resource (package:folder), and Retort found no package %3 in the project&apos;s source tree (searched %4). Add the folder that holds the package to prepend_sys_path, or use a path such as %(here)s/migrations.</source>
        <translation>%1 «&#xa0;%2&#xa0;» désigne une ressource de paquet (package:folder), et Retort n&apos;a trouvé aucun paquet %3 dans l&apos;arborescence source du projet (recherche dans %4). Ajoutez le dossier qui contient le paquet à prepend_sys_path, ou utilisez un chemin tel que %(here)s/migrations.</translation>
    </message>
    <message>
        <location filename="../model/project/projectconfig.cpp" line="96"/>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1&#xa0;: %2</translation>
    </message>
    <message>
        <location filename="../model/project/projectconfig.cpp" line="106"/>
        <source>%1 line %2 is not valid TOML: %3</source>
        <translation>La ligne %2 de %1 n&apos;est pas du TOML valide&#xa0;: %3</translation>
    </message>
    <message>
        <location filename="../model/project/projectconfig.cpp" line="116"/>
        <source>Incorrect TOML format: [tool.alembic] in %1 is not a table.</source>
        <translation>Format TOML incorrect&#xa0;: [tool.alembic] dans %1 n&apos;est pas une table.</translation>
    </message>
    <message>
        <location filename="../model/project/projectconfig.cpp" line="143"/>
        <source>Cannot format TOML parameter &apos;%1&apos; in %2: &apos;%(%3)s&apos; is unknown; only %(here)s is available. Write a literal percent sign as %%.</source>
        <translation>Impossible de formater le paramètre TOML «&#xa0;%1&#xa0;» dans %2&#xa0;: «&#xa0;%(%3)s&#xa0;» est inconnu&#xa0;; seul %(here)s est disponible. Écrivez un signe pourcentage littéral sous la forme %%.</translation>
    </message>
    <message>
        <location filename="../model/project/projectconfig.cpp" line="151"/>
        <source>Cannot format TOML parameter &apos;%1&apos; in %2: unsupported format at &apos;%3&apos;. Use %(here)s, and write a literal percent sign as %%.</source>
        <translation>Impossible de formater le paramètre TOML «&#xa0;%1&#xa0;» dans %2&#xa0;: format non pris en charge à «&#xa0;%3&#xa0;». Utilisez %(here)s, et écrivez un signe pourcentage littéral sous la forme %%.</translation>
    </message>
    <message>
        <location filename="../model/project/projectconfig.cpp" line="230"/>
        <location filename="../model/project/projectconfig.cpp" line="389"/>
        <source>TOML parameter &apos;%1&apos; in %2 must be a list of strings.</source>
        <translation>Le paramètre TOML «&#xa0;%1&#xa0;» dans %2 doit être une liste de chaînes.</translation>
    </message>
    <message>
        <location filename="../model/project/projectconfig.cpp" line="245"/>
        <source>unsupported TOML value type for key: &apos;%1&apos;</source>
        <translation>type de valeur TOML non pris en charge pour la clé&#xa0;: «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <location filename="../model/project/projectconfig.cpp" line="285"/>
        <location filename="../model/project/projectconfig.cpp" line="456"/>
        <source>TOML parameter &apos;%1&apos; in %2 must be a string.</source>
        <translation>Le paramètre TOML «&#xa0;%1&#xa0;» dans %2 doit être une chaîne.</translation>
    </message>
    <message>
        <location filename="../model/project/projectconfig.cpp" line="304"/>
        <source>boolean value expected for TOML parameter &apos;%1&apos;</source>
        <translation>valeur booléenne attendue pour le paramètre TOML «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <location filename="../model/project/projectconfig.cpp" line="330"/>
        <source>&apos;%1&apos; is not a valid value for path_separator; expected &apos;space&apos;, &apos;newline&apos;, &apos;os&apos;, &apos;:&apos;, &apos;;&apos;</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas une valeur valide pour path_separator&#xa0;; valeurs attendues&#xa0;: &apos;space&apos;, &apos;newline&apos;, &apos;os&apos;, &apos;:&apos;, &apos;;&apos;</translation>
    </message>
    <message>
        <location filename="../model/project/projectconfig.cpp" line="332"/>
        <source>&apos;%1&apos; is not a valid value for version_path_separator; expected &apos;space&apos;, &apos;os&apos;, &apos;:&apos;, &apos;;&apos;</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas une valeur valide pour version_path_separator&#xa0;; valeurs attendues&#xa0;: &apos;space&apos;, &apos;os&apos;, &apos;:&apos;, &apos;;&apos;</translation>
    </message>
    <message>
        <location filename="../model/project/projectconfig.cpp" line="335"/>
        <source>(alembic.ini does not strip inline comments: put the comment on its own line, as alembic 1.8.1&apos;s own template forgot to.)</source>
        <translation>(alembic.ini ne retire pas les commentaires en fin de ligne&#xa0;: placez le commentaire sur sa propre ligne, ce que le modèle fourni par alembic 1.8.1 a lui-même omis de faire.)</translation>
    </message>
    <message>
        <location filename="../model/project/projectconfig.cpp" line="441"/>
        <source>%1 has no script_location, so its own folder (which holds env.py or versions/) is the script location, as Flask-Migrate sets it.</source>
        <translation>%1 n&apos;a pas de script_location&#xa0;: son propre dossier (qui contient env.py ou versions/) sert donc d&apos;emplacement des scripts, comme le configure Flask-Migrate.</translation>
    </message>
    <message>
        <location filename="../model/project/projectconfig.cpp" line="446"/>
        <source>Retort read [%1] of %2. </source>
        <translation>Retort a lu la section [%1] de %2. </translation>
    </message>
    <message>
        <location filename="../model/project/projectconfig.cpp" line="448"/>
        <source>No &apos;script_location&apos; key found in configuration.</source>
        <translation>Aucune clé «&#xa0;script_location&#xa0;» trouvée dans la configuration.</translation>
    </message>
    <message>
        <location filename="../model/project/projectconfig.cpp" line="449"/>
        <source>Add script_location = %(here)s/migrations (the folder that holds env.py), or open that folder itself.</source>
        <translation>Ajoutez script_location = %(here)s/migrations (le dossier qui contient env.py), ou ouvrez directement ce dossier.</translation>
    </message>
    <message>
        <location filename="../model/project/projectconfig.cpp" line="467"/>
        <source>script_location %1 is the folder %2.</source>
        <translation>script_location %1 désigne le dossier %2.</translation>
    </message>
    <message>
        <location filename="../model/project/projectconfig.cpp" line="479"/>
        <source>invalid literal for int() with base 10: &apos;%1&apos; (truncate_slug_length in %2)</source>
        <translation>littéral non valide pour int() en base 10&#xa0;: «&#xa0;%1&#xa0;» (truncate_slug_length dans %2)</translation>
    </message>
    <message>
        <location filename="../model/project/projectconfig.cpp" line="485"/>
        <source>TOML parameter &apos;%1&apos; in %2 must be an integer.</source>
        <translation>Le paramètre TOML «&#xa0;%1&#xa0;» dans %2 doit être un entier.</translation>
    </message>
    <message>
        <location filename="../model/project/projectconfig.cpp" line="554"/>
        <source>revision_environment = &apos;%1&apos; in %2 is not a boolean (true/false, yes/no, on/off, y/n, t/f, 1/0); `alembic revision` will fail.</source>
        <translation>revision_environment = &apos;%1&apos; dans %2 n&apos;est pas un booléen (true/false, yes/no, on/off, y/n, t/f, 1/0)&#xa0;; `alembic revision` échouera.</translation>
    </message>
    <message>
        <location filename="../model/project/projectconfig.cpp" line="638"/>
        <source>%1 does not exist; only %2 is read.</source>
        <translation>%1 n&apos;existe pas&#xa0;; seul %2 est lu.</translation>
    </message>
    <message>
        <location filename="../model/project/projectconfig.cpp" line="713"/>
        <source>The config&apos;s sqlalchemy.url cannot be read: %1</source>
        <translation>Impossible de lire le paramètre sqlalchemy.url de la configuration&#xa0;: %1</translation>
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
        <translation>emplacement des scripts %1</translation>
    </message>
    <message>
        <location filename="../model/project/projectconfig.cpp" line="729"/>
        <source>versions %1</source>
        <translation>versions %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../model/project/projectconfig.cpp" line="732"/>
        <source>%1 of %n version folder(s) present</source>
        <translation>
            <numerusform>%1 sur %n dossier de versions présent</numerusform>
            <numerusform>%1 sur %n dossiers de versions présents</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../model/project/projectconfig.cpp" line="759"/>
        <source>&apos;%1&apos; does not exist.</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;existe pas.</translation>
    </message>
    <message>
        <location filename="../model/project/projectconfig.cpp" line="766"/>
        <source>&apos;%1&apos; is neither a file nor a directory.</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est ni un fichier ni un dossier.</translation>
    </message>
    <message>
        <location filename="../model/project/projectconfig.cpp" line="786"/>
        <source>%1 has no alembic.ini or pyproject.toml, so its %2/ folder is the script location.</source>
        <translation>%1 n&apos;a ni alembic.ini ni pyproject.toml&#xa0;: son dossier %2/ sert donc d&apos;emplacement des scripts.</translation>
    </message>
    <message>
        <location filename="../model/project/projectconfig.cpp" line="792"/>
        <source>&apos;%1&apos; is not an alembic project: it holds no alembic.ini, no pyproject.toml with a [tool.alembic] table, no env.py or versions/ folder (a script location), no *.py revision files (a versions folder) and no migrations/ or alembic/ folder. Open the project&apos;s alembic.ini, or the folder that holds env.py.</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas un projet alembic&#xa0;: il ne contient ni alembic.ini, ni pyproject.toml avec une table [tool.alembic], ni env.py ou dossier versions/ (un emplacement des scripts), ni fichiers de révision *.py (un dossier de versions), ni dossier migrations/ ou alembic/. Ouvrez le fichier alembic.ini du projet, ou le dossier qui contient env.py.</translation>
    </message>
    <message>
        <location filename="../model/project/projectconfig.cpp" line="894"/>
        <source>&apos;%1&apos; is not a file.</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas un fichier.</translation>
    </message>
</context>
<context>
    <name>ProjectStatusBar</name>
    <message>
        <location filename="../widgets/projectstatusbar.cpp" line="40"/>
        <source>Reading the project</source>
        <translation>Lecture du projet</translation>
    </message>
    <message>
        <location filename="../widgets/projectstatusbar.cpp" line="42"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../widgets/projectstatusbar.cpp" line="43"/>
        <source>Stop reading; the project shown, if any, stays</source>
        <translation>Interrompre la lecture&#xa0;; le projet affiché, s&apos;il y en a un, reste</translation>
    </message>
    <message>
        <location filename="../widgets/projectstatusbar.cpp" line="73"/>
        <source>No project open. Use File ▸ Open… or File ▸ Open Demo.</source>
        <translation>Aucun projet ouvert. Utilisez Fichier ▸ Ouvrir… ou Fichier ▸ Ouvrir la démo.</translation>
    </message>
    <message>
        <location filename="../widgets/projectstatusbar.cpp" line="86"/>
        <source>%1 [%2]</source>
        <translation>%1 [%2]</translation>
    </message>
    <message>
        <location filename="../widgets/projectstatusbar.cpp" line="88"/>
        <source>%1 → scripts in %2</source>
        <translation>%1 → scripts dans %2</translation>
    </message>
    <message>
        <location filename="../widgets/projectstatusbar.cpp" line="92"/>
        <source> (found by its layout)</source>
        <translation> (reconnu à sa structure)</translation>
    </message>
    <message>
        <location filename="../widgets/projectstatusbar.cpp" line="97"/>
        <source>Revisions: %1</source>
        <translation>Révisions&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../widgets/projectstatusbar.cpp" line="99"/>
        <source>Heads: %1</source>
        <translation>Têtes&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../widgets/projectstatusbar.cpp" line="102"/>
        <source>Several heads: `alembic upgrade head` will refuse; merge them or upgrade to `heads`.</source>
        <translation>Plusieurs têtes&#xa0;: `alembic upgrade head` refusera de s&apos;exécuter&#xa0;; fusionnez-les ou mettez à niveau vers `heads`.</translation>
    </message>
</context>
<context>
    <name>PythonEnvironment</name>
    <message>
        <location filename="../model/python/pythonenvironment.cpp" line="110"/>
        <source>Another interpreter can be chosen in the window (Database ▸ Python Interpreter…) or with --python in retort-cli.</source>
        <translation>Vous pouvez choisir un autre interpréteur dans la fenêtre (Base de données ▸ Interpréteur Python…) ou avec l&apos;option --python de retort-cli.</translation>
    </message>
    <message>
        <location filename="../model/python/pythonenvironment.cpp" line="192"/>
        <source>%1 cannot be started (%2)</source>
        <translation>Impossible de démarrer %1 (%2)</translation>
    </message>
    <message>
        <location filename="../model/python/pythonenvironment.cpp" line="196"/>
        <source>%1 did not answer within 20 seconds</source>
        <translation>%1 n&apos;a pas répondu dans les 20 secondes</translation>
    </message>
    <message>
        <location filename="../model/python/pythonenvironment.cpp" line="202"/>
        <source>%1 cannot import %2: %3</source>
        <translation>%1 ne peut pas importer %2&#xa0;: %3</translation>
    </message>
    <message>
        <location filename="../model/python/pythonenvironment.cpp" line="218"/>
        <source>No Python interpreter was found: Retort looked for a virtual environment in the project&apos;s folder and above, $VIRTUAL_ENV, /usr/bin/python3 and python3 on PATH. %1</source>
        <translation>Aucun interpréteur Python trouvé&#xa0;: Retort a cherché un environnement virtuel dans le dossier du projet et ses dossiers parents, dans $VIRTUAL_ENV, /usr/bin/python3 et python3 dans le PATH. %1</translation>
    </message>
    <message>
        <location filename="../model/python/pythonenvironment.cpp" line="225"/>
        <source>There is no %1 on PATH. %2</source>
        <translation>Aucun %1 dans le PATH. %2</translation>
    </message>
    <message>
        <location filename="../model/python/pythonenvironment.cpp" line="227"/>
        <source>The Python interpreter %1 does not exist. %2</source>
        <translation>L&apos;interpréteur Python %1 n&apos;existe pas. %2</translation>
    </message>
    <message>
        <location filename="../model/python/pythonenvironment.cpp" line="228"/>
        <source>%1 is not an executable file, so it cannot be the Python interpreter. %2</source>
        <translation>%1 n&apos;est pas un fichier exécutable et ne peut donc pas être l&apos;interpréteur Python. %2</translation>
    </message>
    <message>
        <location filename="../model/python/pythonenvironment.cpp" line="237"/>
        <source>%1 cannot be started (%2). %3</source>
        <translation>Impossible de démarrer %1 (%2). %3</translation>
    </message>
    <message>
        <location filename="../model/python/pythonenvironment.cpp" line="242"/>
        <source>%1 did not say within 20 seconds which alembic it has; a slow disk or a package that waits at import can cause this. Try again. %2</source>
        <translation>%1 n&apos;a pas indiqué en 20 secondes de quel alembic il dispose&#xa0;; un disque lent ou un paquet qui se met en attente lors de l&apos;import peut en être la cause. Réessayez. %2</translation>
    </message>
    <message>
        <location filename="../model/python/pythonenvironment.cpp" line="248"/>
        <source>%1 crashed while importing alembic (%2). %3</source>
        <translation>%1 a planté lors de l&apos;import d&apos;alembic (%2). %3</translation>
    </message>
    <message>
        <location filename="../model/python/pythonenvironment.cpp" line="252"/>
        <source>exit code %1</source>
        <translation>code de sortie %1</translation>
    </message>
    <message>
        <location filename="../model/python/pythonenvironment.cpp" line="254"/>
        <source>%1 cannot import SQLAlchemy, which alembic needs (%2). Install it with &apos;%3&apos;. %4</source>
        <translation>%1 ne peut pas importer SQLAlchemy, dont alembic a besoin (%2). Installez-le avec «&#xa0;%3&#xa0;». %4</translation>
    </message>
    <message>
        <location filename="../model/python/pythonenvironment.cpp" line="260"/>
        <source>%1 cannot import alembic (%2). Install it with &apos;%3&apos;. %4</source>
        <translation>%1 ne peut pas importer alembic (%2). Installez-le avec «&#xa0;%3&#xa0;». %4</translation>
    </message>
    <message>
        <location filename="../model/python/pythonenvironment.cpp" line="269"/>
        <source>%1 ran, but did not answer the way a Python interpreter does; is it one? %2</source>
        <translation>%1 s&apos;est exécuté, mais n&apos;a pas répondu comme le fait un interpréteur Python&#xa0;; en est-ce bien un&#xa0;? %2</translation>
    </message>
</context>
<context>
    <name>PythonParser</name>
    <message>
        <location filename="../model/python/pythonparser.cpp" line="218"/>
        <location filename="../model/python/pythonparser.cpp" line="1087"/>
        <source>unexpected indent</source>
        <translation>indentation inattendue</translation>
    </message>
    <message>
        <location filename="../model/python/pythonparser.cpp" line="293"/>
        <source>too many nested parentheses (Python allows %1)</source>
        <translation>trop de parenthèses imbriquées (Python en autorise %1)</translation>
    </message>
    <message>
        <location filename="../model/python/pythonparser.cpp" line="328"/>
        <source>more than %1 attribute accesses, calls or subscripts in a row; Python stops compiling such an expression (RecursionError)</source>
        <translation>plus de %1 accès d&apos;attribut, appels ou indiçages à la suite&#xa0;; Python abandonne la compilation d&apos;une telle expression (RecursionError)</translation>
    </message>
    <message>
        <location filename="../model/python/pythonparser.cpp" line="461"/>
        <source>invalid string literal %1</source>
        <translation>littéral de chaîne non valide %1</translation>
    </message>
    <message>
        <location filename="../model/python/pythonparser.cpp" line="469"/>
        <source>cannot mix bytes and nonbytes literals</source>
        <translation>impossible de mélanger des littéraux bytes et non bytes</translation>
    </message>
    <message>
        <location filename="../model/python/pythonparser.cpp" line="932"/>
        <source>invalid function definition</source>
        <translation>définition de fonction non valide</translation>
    </message>
    <message>
        <location filename="../model/python/pythonparser.cpp" line="945"/>
        <source>expected &apos;:&apos; at the end of the definition of &apos;%1&apos;</source>
        <translation>«&#xa0;:&#xa0;» attendu à la fin de la définition de «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <location filename="../model/python/pythonparser.cpp" line="1070"/>
        <source>expected an indented block after &apos;%1&apos; statement on line %2</source>
        <translation>bloc indenté attendu après l&apos;instruction «&#xa0;%1&#xa0;» à la ligne %2</translation>
    </message>
</context>
<context>
    <name>PythonTokenizer</name>
    <message>
        <location filename="../model/python/pythontokenizer.cpp" line="339"/>
        <source>inconsistent use of tabs and spaces in indentation</source>
        <translation>utilisation incohérente de tabulations et d&apos;espaces dans l&apos;indentation</translation>
    </message>
    <message>
        <location filename="../model/python/pythontokenizer.cpp" line="354"/>
        <source>too many levels of indentation (Python allows %1)</source>
        <translation>trop de niveaux d&apos;indentation (Python en autorise %1)</translation>
    </message>
    <message>
        <location filename="../model/python/pythontokenizer.cpp" line="367"/>
        <source>unindent does not match any outer indentation level</source>
        <translation>la désindentation ne correspond à aucun niveau d&apos;indentation extérieur</translation>
    </message>
    <message>
        <location filename="../model/python/pythontokenizer.cpp" line="394"/>
        <location filename="../model/python/pythontokenizer.cpp" line="540"/>
        <source>&apos;%1&apos; was never closed</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;a jamais été fermé</translation>
    </message>
    <message>
        <location filename="../model/python/pythontokenizer.cpp" line="438"/>
        <location filename="../model/python/pythontokenizer.cpp" line="453"/>
        <source>unterminated string literal (detected at line %1)</source>
        <translation>littéral de chaîne non terminé (détecté à la ligne %1)</translation>
    </message>
    <message>
        <location filename="../model/python/pythontokenizer.cpp" line="451"/>
        <source>unterminated triple-quoted string literal (detected at line %1)</source>
        <translation>littéral de chaîne entre triples guillemets non terminé (détecté à la ligne %1)</translation>
    </message>
    <message>
        <location filename="../model/python/pythontokenizer.cpp" line="509"/>
        <source>unmatched &apos;%1&apos;</source>
        <translation>«&#xa0;%1&#xa0;» sans correspondance</translation>
    </message>
    <message>
        <location filename="../model/python/pythontokenizer.cpp" line="520"/>
        <source>closing parenthesis &apos;%1&apos; does not match opening parenthesis &apos;%2&apos;</source>
        <translation>la parenthèse fermante «&#xa0;%1&#xa0;» ne correspond pas à la parenthèse ouvrante «&#xa0;%2&#xa0;»</translation>
    </message>
    <message>
        <location filename="../model/python/pythontokenizer.cpp" line="522"/>
        <source>closing parenthesis &apos;%1&apos; does not match opening parenthesis &apos;%2&apos; on line %3</source>
        <translation>la parenthèse fermante «&#xa0;%1&#xa0;» ne correspond pas à la parenthèse ouvrante «&#xa0;%2&#xa0;» de la ligne %3</translation>
    </message>
    <message>
        <location filename="../model/python/pythontokenizer.cpp" line="602"/>
        <source>unexpected end of file after a line continuation character</source>
        <translation>fin de fichier inattendue après un caractère de continuation de ligne</translation>
    </message>
    <message>
        <location filename="../model/python/pythontokenizer.cpp" line="606"/>
        <source>unexpected character after line continuation character</source>
        <translation>caractère inattendu après un caractère de continuation de ligne</translation>
    </message>
    <message>
        <location filename="../model/python/pythontokenizer.cpp" line="650"/>
        <source>invalid character &apos;%1&apos; (U+%2)</source>
        <translation>caractère non valide «&#xa0;%1&#xa0;» (U+%2)</translation>
    </message>
    <message>
        <location filename="../model/python/pythontokenizer.cpp" line="698"/>
        <source>unknown encoding &apos;%1&apos; in the coding declaration; reading the file as UTF-8</source>
        <translation>encodage inconnu «&#xa0;%1&#xa0;» dans la déclaration d&apos;encodage (coding)&#xa0;; le fichier est lu en UTF-8</translation>
    </message>
    <message>
        <location filename="../model/python/pythontokenizer.cpp" line="707"/>
        <source>Retort does not know the encoding &apos;%1&apos; of the coding declaration; the file is plain ASCII, so it reads the same, but Python refuses to import it if &apos;%1&apos; is no codec</source>
        <translation>Retort ne connaît pas l&apos;encodage «&#xa0;%1&#xa0;» de la déclaration d&apos;encodage&#xa0;; le fichier étant en ASCII pur, sa lecture n&apos;en est pas affectée, mais Python refuse de l&apos;importer si «&#xa0;%1&#xa0;» n&apos;est pas un codec</translation>
    </message>
    <message>
        <location filename="../model/python/pythontokenizer.cpp" line="715"/>
        <location filename="../model/python/pythontokenizer.cpp" line="720"/>
        <source>the file starts with a UTF-8 byte order mark but declares the encoding &apos;%1&apos;</source>
        <translation>le fichier commence par une marque d&apos;ordre des octets (BOM) UTF-8 mais déclare l&apos;encodage «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <location filename="../model/python/pythontokenizer.cpp" line="746"/>
        <source>a byte cannot be decoded with the declared encoding &apos;%1&apos;; it was replaced</source>
        <translation>un octet ne peut pas être décodé avec l&apos;encodage déclaré «&#xa0;%1&#xa0;»&#xa0;; il a été remplacé</translation>
    </message>
    <message>
        <location filename="../model/python/pythontokenizer.cpp" line="758"/>
        <source>the file is not valid UTF-8; undecodable bytes were replaced. Save it as UTF-8 or declare its encoding in a coding comment</source>
        <translation>le fichier n&apos;est pas en UTF-8 valide&#xa0;; les octets non décodables ont été remplacés. Enregistrez-le en UTF-8 ou déclarez son encodage dans un commentaire d&apos;encodage (coding)</translation>
    </message>
</context>
<context>
    <name>RemovalDialog</name>
    <message>
        <location filename="../widgets/removaldialog.cpp" line="49"/>
        <source>Delete Revision %1</source>
        <translation>Supprimer la révision %1</translation>
    </message>
    <message>
        <location filename="../widgets/removaldialog.cpp" line="53"/>
        <source>&lt;b&gt;Delete %1&lt;/b&gt; %2</source>
        <translation>&lt;b&gt;Supprimer %1&lt;/b&gt; %2</translation>
    </message>
    <message>
        <location filename="../widgets/removaldialog.cpp" line="56"/>
        <source>Only this revision</source>
        <translation>Uniquement cette révision</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/removaldialog.cpp" line="58"/>
        <source>With its descendants (%n more revision(s))</source>
        <translation>
            <numerusform>Avec ses descendantes (%n révision de plus)</numerusform>
            <numerusform>Avec ses descendantes (%n révisions de plus)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/removaldialog.cpp" line="61"/>
        <source>Re-parent its children onto %1</source>
        <translation>Rattacher ses enfants à %1</translation>
    </message>
    <message>
        <location filename="../widgets/removaldialog.cpp" line="62"/>
        <source>the base</source>
        <translation>la base</translation>
    </message>
    <message>
        <location filename="../widgets/removaldialog.cpp" line="73"/>
        <source>Move the branch labels %1 to %2</source>
        <translation>Déplacer les étiquettes de branche %1 vers %2</translation>
    </message>
    <message>
        <location filename="../widgets/removaldialog.cpp" line="79"/>
        <source>Files that change</source>
        <translation>Fichiers modifiés</translation>
    </message>
    <message>
        <location filename="../widgets/removaldialog.cpp" line="87"/>
        <source>I have read the warnings</source>
        <translation>J&apos;ai lu les avertissements</translation>
    </message>
    <message>
        <location filename="../widgets/removaldialog.cpp" line="93"/>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location filename="../widgets/removaldialog.cpp" line="124"/>
        <source>Delete %1</source>
        <translation>Supprimer %1</translation>
    </message>
    <message>
        <location filename="../widgets/removaldialog.cpp" line="143"/>
        <source>no password was given</source>
        <translation>aucun mot de passe n&apos;a été fourni</translation>
    </message>
    <message>
        <location filename="../widgets/removaldialog.cpp" line="187"/>
        <source>Files</source>
        <translation>Fichiers</translation>
    </message>
    <message>
        <location filename="../widgets/removaldialog.cpp" line="191"/>
        <source>delete %1</source>
        <translation>supprimer %1</translation>
    </message>
    <message>
        <location filename="../widgets/removaldialog.cpp" line="196"/>
        <source>edit   %1</source>
        <translation>modifier  %1</translation>
    </message>
    <message>
        <location filename="../widgets/removaldialog.cpp" line="198"/>
        <source>Environments</source>
        <translation>Environnements</translation>
    </message>
    <message>
        <location filename="../widgets/removaldialog.cpp" line="200"/>
        <source>reading…</source>
        <translation>lecture…</translation>
    </message>
    <message>
        <location filename="../widgets/removaldialog.cpp" line="202"/>
        <source>none set up: no database was checked</source>
        <translation>aucun configuré&#xa0;: aucune base de données n&apos;a été vérifiée</translation>
    </message>
    <message>
        <location filename="../widgets/removaldialog.cpp" line="205"/>
        <source>could not be read</source>
        <translation>lecture impossible</translation>
    </message>
    <message>
        <location filename="../widgets/removaldialog.cpp" line="206"/>
        <source>no revision applied</source>
        <translation>aucune révision appliquée</translation>
    </message>
    <message>
        <location filename="../widgets/removaldialog.cpp" line="213"/>
        <source>Git</source>
        <translation>Git</translation>
    </message>
    <message>
        <location filename="../widgets/removaldialog.cpp" line="224"/>
        <source>git could not tell whether the files are committed: %1</source>
        <translation>git n&apos;a pas pu déterminer si les fichiers ont été validés (commit)&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../widgets/removaldialog.cpp" line="227"/>
        <source>Cannot delete:</source>
        <translation>Suppression impossible&#xa0;:</translation>
    </message>
    <message>
        <location filename="../widgets/removaldialog.cpp" line="229"/>
        <source>Warnings:</source>
        <translation>Avertissements&#xa0;:</translation>
    </message>
</context>
<context>
    <name>RetortCli</name>
    <message>
        <location filename="../app/cli/cliarguments.cpp" line="40"/>
        <source>Option %1 needs a value.</source>
        <translation>L&apos;option %1 nécessite une valeur.</translation>
    </message>
    <message>
        <location filename="../app/cli/cliarguments.cpp" line="106"/>
        <source>--wait-lock needs a number of seconds or &quot;forever&quot;.</source>
        <translation>--wait-lock attend un nombre de secondes ou «&#xa0;forever&#xa0;».</translation>
    </message>
    <message>
        <location filename="../app/cli/cliarguments.cpp" line="149"/>
        <source>Unknown option %1.</source>
        <translation>Option inconnue&#xa0;: %1.</translation>
    </message>
    <message>
        <location filename="../app/cli/cliarguments.cpp" line="158"/>
        <source>Only graph takes --env more than once.</source>
        <translation>Seule la commande graph accepte --env plusieurs fois.</translation>
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
        <translation>Utilisation&#xa0;: retort-cli [options du projet] COMMANDE [options]

Lit un projet Alembic nativement et répond comme le ferait alembic&#xa0;; Python n&apos;est exécuté que pour
--evaluate et pour upgrade et downgrade.

Options du projet (par défaut&#xa0;: alembic.ini, sinon pyproject.toml, dans le dossier courant)&#xa0;:
  -c, --config PATH     alembic.ini, pyproject.toml, emplacement des scripts ou dossier de versions
  -n, --name NAME       la section ini à lire (par défaut&#xa0;: alembic)
  --versions DIR        un dossier de versions sans fichier de configuration (répétable)
  --evaluate            charger, dans le Python du projet, les fichiers de révision dont Retort ne
                        peut pas déterminer lui-même les valeurs d&apos;en-tête (cela exécute leur code)
  --python PATH         l&apos;interpréteur pour --evaluate, upgrade et downgrade (par défaut&#xa0;: celui
                        choisi pour le projet, sinon son .venv/ ou venv/, celui de Poetry,
                        $VIRTUAL_ENV, celui par défaut des Paramètres, /usr/bin/python3, python3)

Commandes&#xa0;:
  heads [-v] [--resolve-dependencies]   les révisions de tête
  history [-r START:END] [-v]           les révisions, de la plus récente à la plus ancienne
  branches [-v]                         les points de branchement et leurs enfants
  show REV                              une révision en détail
  plan upgrade|downgrade TARGET --from REV[,REV...]
  plan stamp TARGET... --from REV[,REV...] [--purge]
                                        les étapes et les lignes de version, sans base de données
  graph --format json|dot|svg|png [-o FILE] [--left-to-right] [--expand-all]
        [--env NAME]... [--url URL]     tout le graphe des révisions, sous forme de données ou de
                                        l&apos;image que dessine l&apos;interface graphique (png exige -o)&#xa0;;
                                        avec --env (répétable) ou --url, l&apos;emplacement de chaque base
                                        de données&#xa0;: ses repères sur l&apos;image, une note en dot, ses
                                        lignes en json (les bases de données sont uniquement lues)
  check                                 les problèmes de l&apos;historique&#xa0;; code de sortie 1 en cas d&apos;erreur
  changes REV|START:END [--dialect NAME] ce que les migrations changent dans le schéma (rejoué à
                                        partir des fichiers, pour sqlite, postgresql ou mysql)

Commandes de base de données (par défaut&#xa0;: sqlalchemy.url de la configuration)&#xa0;:
  current [-v] [--check-heads]          les révisions actuelles de la base de données, comme alembic current
  status [--check-heads]                révisions appliquées et en attente, lignes inconnues
  stamp TARGET... [--purge] [--dry-run] [--confirm NAME]
                                        définir les lignes de version sans exécuter les migrations
  upgrade|downgrade TARGET [--dry-run] [--sql] [--yes] [--confirm NAME] [--wait-lock SECONDS]
                   [-x VALUE]... [--python PATH]
                                        le plan et ses avertissements, puis le vrai alembic
                                        l&apos;exécute et les lignes de version sont comparées au
                                        plan&#xa0;; sans terminal, les avertissements exigent --yes
  delete REV [--with-descendants|--reparent [--move-labels]] [--dry-run] [--yes]
                                        supprimer une révision qu&apos;aucun environnement n&apos;a appliquée (tous
                                        ceux configurés, --env et --url sont vérifiés)&#xa0;: son fichier part
                                        à la corbeille, ses enfants sont rattachés ailleurs ou supprimés
                                        eux aussi&#xa0;; sans terminal, les avertissements exigent --yes
  schema                                les tables, colonnes, clés, index et contraintes
                                        de la base de données, lus dans son catalogue
  diff [--against stamped|REV]          le schéma de la base de données comparé à celui que donnent les
                                        migrations à ses révisions marquées (ou à REV)&#xa0;; code de sortie
                                        0&#xa0;: identiques, 1&#xa0;: différences, 2&#xa0;: comparaison impossible
  match [-v]                            les révisions dont le schéma est le plus proche de celui de la base de
                                        données, la meilleure d&apos;abord, et comment y marquer la base (stamp)
  --url URL             une URL SQLAlchemy (sqlite, postgresql, mysql, mariadb)&#xa0;; son mot de passe est visible
                        des autres utilisateurs dans la liste des processus&#xa0;: préférez --url-env ou --url -
  --url-env NAME        lire l&apos;URL dans la variable d&apos;environnement NAME
  --url -               lire l&apos;URL sur la première ligne de l&apos;entrée standard
  --env NAME            un environnement configuré dans Retort
  --version-table NAME, --version-table-schema NAME
                        quand context.configure() dans env.py ne les nomme pas littéralement

Options communes&#xa0;:
  --json                sortie lisible par une machine (voir README.md)
  -h, --help            cette aide
  --version             la version
</translation>
    </message>
    <message>
        <location filename="../app/cli/clicommands.cpp" line="122"/>
        <source>No such versions folder: &apos;%1&apos;.</source>
        <translation>Dossier de versions introuvable&#xa0;: «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <location filename="../app/cli/clicommands.cpp" line="193"/>
        <source>A history range has one colon: [start]:[end].</source>
        <translation>Une plage d&apos;historique contient un seul deux-points&#xa0;: [start]:[end].</translation>
    </message>
    <message>
        <location filename="../app/cli/clicommands.cpp" line="197"/>
        <source>&apos;current&apos; needs a database connection, which retort-cli history does not take yet.</source>
        <translation>«&#xa0;current&#xa0;» nécessite une connexion à une base de données, ce que retort-cli history ne prend pas encore en charge.</translation>
    </message>
    <message>
        <location filename="../app/cli/clicommands.cpp" line="251"/>
        <source>show takes one revision identifier.</source>
        <translation>La commande show attend un seul identifiant de révision.</translation>
    </message>
    <message>
        <location filename="../app/cli/clicommands.cpp" line="253"/>
        <source>&apos;current&apos; needs a database connection, which retort-cli show does not take yet.</source>
        <translation>«&#xa0;current&#xa0;» nécessite une connexion à une base de données, ce que retort-cli show ne prend pas encore en charge.</translation>
    </message>
    <message>
        <location filename="../app/cli/clicommands.cpp" line="275"/>
        <source>plan needs an action and a target: plan upgrade|downgrade|stamp TARGET --from REV[,REV...]</source>
        <translation>La commande plan nécessite une action et une cible&#xa0;: plan upgrade|downgrade|stamp TARGET --from REV[,REV...]</translation>
    </message>
    <message>
        <location filename="../app/cli/clicommands.cpp" line="287"/>
        <source>%1 takes exactly one target.</source>
        <translation>%1 attend exactement une cible.</translation>
    </message>
    <message>
        <location filename="../app/cli/clicommands.cpp" line="292"/>
        <source>Unknown plan action &apos;%1&apos;; use upgrade, downgrade or stamp.</source>
        <translation>Action de plan inconnue «&#xa0;%1&#xa0;»&#xa0;; utilisez upgrade, downgrade ou stamp.</translation>
    </message>
    <message>
        <location filename="../app/cli/clicommands.cpp" line="306"/>
        <source>(none)</source>
        <translation>(aucune)</translation>
    </message>
    <message>
        <location filename="../app/cli/clicommands.cpp" line="383"/>
        <source>A PNG picture needs a file: add -o FILE.</source>
        <translation>Une image PNG nécessite un fichier&#xa0;: ajoutez -o FILE.</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/cli/clicommands.cpp" line="438"/>
        <source>%n revision(s)</source>
        <translation>
            <numerusform>%n révision</numerusform>
            <numerusform>%n révisions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/cli/clicommands.cpp" line="439"/>
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n erreur</numerusform>
            <numerusform>%n erreurs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/cli/clicommands.cpp" line="440"/>
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n avertissement</numerusform>
            <numerusform>%n avertissements</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/cli/clicommands.cpp" line="381"/>
        <source>Unknown graph format &apos;%1&apos;; use json, dot, svg or png.</source>
        <translation>Format de graphe inconnu «&#xa0;%1&#xa0;»&#xa0;; utilisez json, dot, svg ou png.</translation>
    </message>
    <message>
        <location filename="../app/cli/clicommands.cpp" line="486"/>
        <source>Unknown command &apos;%1&apos;.</source>
        <translation>Commande inconnue&#xa0;: «&#xa0;%1&#xa0;».</translation>
    </message>
</context>
<context>
    <name>RevisionEditActions</name>
    <message>
        <location filename="../widgets/revisioneditactions.cpp" line="46"/>
        <source>%1: done. Edit ▸ Undo puts the files back.</source>
        <translation>%1&#xa0;: terminé. Édition ▸ Annuler restaure les fichiers.</translation>
    </message>
    <message>
        <location filename="../widgets/revisioneditactions.cpp" line="63"/>
        <source>Delete Revision…</source>
        <translation>Supprimer la révision…</translation>
    </message>
    <message>
        <location filename="../widgets/revisioneditactions.cpp" line="74"/>
        <source>Cannot Undo</source>
        <translation>Impossible d&apos;annuler</translation>
    </message>
    <message>
        <location filename="../widgets/revisioneditactions.cpp" line="82"/>
        <source>Undone: %1</source>
        <translation>Annulé&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../widgets/revisioneditactions.cpp" line="96"/>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <location filename="../widgets/revisioneditactions.cpp" line="96"/>
        <source>&amp;Undo %1</source>
        <translation>&amp;Annuler&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>RevisionFileEditor</name>
    <message>
        <location filename="../model/edits/revisionfileeditor.cpp" line="136"/>
        <source>%1 is not UTF-8 text; Retort edits only files it can write back byte for byte. Edit it by hand.</source>
        <translation>%1 n&apos;est pas du texte UTF-8&#xa0;; Retort ne modifie que les fichiers qu&apos;il peut réécrire octet par octet. Modifiez-le à la main.</translation>
    </message>
    <message>
        <location filename="../model/edits/revisionfileeditor.cpp" line="163"/>
        <source>%1 has no %2 variable to change.</source>
        <translation>%1 n&apos;a pas de variable %2 à modifier.</translation>
    </message>
    <message>
        <location filename="../model/edits/revisionfileeditor.cpp" line="166"/>
        <source>%1: %2 is computed (%3), so Retort cannot rewrite it; edit it by hand.</source>
        <translation>%1&#xa0;: %2 est calculé (%3), Retort ne peut donc pas le réécrire&#xa0;; modifiez-le à la main.</translation>
    </message>
</context>
<context>
    <name>RevisionFormatter</name>
    <message>
        <location filename="../model/history/revisionformatter.cpp" line="99"/>
        <source>line %1</source>
        <translation>ligne %1</translation>
    </message>
    <message>
        <location filename="../model/history/revisionformatter.cpp" line="102"/>
        <source>%1 = %2 (%3): unknown, %4
</source>
        <translation>%1 = %2 (%3): inconnu, %4
</translation>
    </message>
    <message>
        <location filename="../model/history/revisionformatter.cpp" line="105"/>
        <source>%1 = %2 (%3): %4, from %5
</source>
        <translation>%1 = %2 (%3): %4, provenant de %5
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
        <translation>Disposition rapide</translation>
    </message>
    <message>
        <location filename="../widgets/revisiongraphview.cpp" line="66"/>
        <source>Revision graph</source>
        <translation>Graphe des révisions</translation>
    </message>
    <message>
        <location filename="../widgets/revisiongraphview.cpp" line="82"/>
        <source>Laying out</source>
        <translation>Calcul de la disposition</translation>
    </message>
    <message>
        <location filename="../widgets/revisiongraphview.cpp" line="84"/>
        <source>Stop Graphviz and draw Retort&apos;s simpler layered layout now</source>
        <translation>Arrêter Graphviz et dessiner tout de suite la disposition en couches plus simple de Retort</translation>
    </message>
    <message>
        <location filename="../widgets/revisiongraphview.cpp" line="172"/>
        <source>Drawing the quick layout…</source>
        <translation>Dessin de la disposition rapide…</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/revisiongraphview.cpp" line="195"/>
        <source>Laying out %n revisions…</source>
        <translation>
            <numerusform>Disposition de %n révision…</numerusform>
            <numerusform>Disposition de %n révisions…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/revisiongraphview.cpp" line="219"/>
        <source>The graph cannot be drawn: %1</source>
        <translation>Impossible de dessiner le graphe&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/revisiongraphview.cpp" line="484"/>
        <source>Only the ancestors and descendants of %1 are shown (%n revision(s)). &lt;a href=&apos;#all&apos;&gt;Show All Branches&lt;/a&gt;</source>
        <translation>
            <numerusform>Seules les révisions ancêtres et descendantes de %1 sont affichées (%n révision). &lt;a href=&apos;#all&apos;&gt;Afficher toutes les branches&lt;/a&gt;</numerusform>
            <numerusform>Seules les révisions ancêtres et descendantes de %1 sont affichées (%n révisions). &lt;a href=&apos;#all&apos;&gt;Afficher toutes les branches&lt;/a&gt;</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/revisiongraphview.cpp" line="765"/>
        <source>unknown to this project</source>
        <translation>inconnue de ce projet</translation>
    </message>
    <message>
        <location filename="../widgets/revisiongraphview.cpp" line="769"/>
        <source>%1 is in the version table but no revision file declares it. Restore the file (e.g. from version control), or stamp the database to the revision it really matches.</source>
        <translation>%1 figure dans la table des versions, mais aucun fichier de révision ne la déclare. Restaurez le fichier (par exemple depuis le gestionnaire de versions), ou marquez (stamp) la base de données à la révision à laquelle elle correspond réellement.</translation>
    </message>
    <message>
        <location filename="../widgets/revisiongraphview.cpp" line="812"/>
        <source>delete</source>
        <translation>supprimer</translation>
    </message>
    <message>
        <location filename="../widgets/revisiongraphview.cpp" line="813"/>
        <source>edit</source>
        <translation>modifier</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/revisiongraphview.cpp" line="994"/>
        <source>Expand %n Revisions</source>
        <translation>
            <numerusform>Déplier %n révision</numerusform>
            <numerusform>Déplier %n révisions</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/revisiongraphview.cpp" line="997"/>
        <source>Show Source</source>
        <translation>Afficher le code source</translation>
    </message>
    <message>
        <location filename="../widgets/revisiongraphview.cpp" line="998"/>
        <source>Show Only This Branch</source>
        <translation>Afficher uniquement cette branche</translation>
    </message>
    <message>
        <location filename="../widgets/revisiongraphview.cpp" line="1002"/>
        <source>Show All Branches</source>
        <translation>Afficher toutes les branches</translation>
    </message>
    <message>
        <location filename="../widgets/revisiongraphview.cpp" line="1004"/>
        <source>Fit to Window</source>
        <translation>Ajuster à la fenêtre</translation>
    </message>
</context>
<context>
    <name>RevisionListModel</name>
    <message>
        <location filename="../model/history/revisionlistmodel.cpp" line="113"/>
        <source>(missing revision file)</source>
        <translation>(fichier de révision manquant)</translation>
    </message>
    <message>
        <location filename="../model/history/revisionlistmodel.cpp" line="149"/>
        <source>Graph</source>
        <translation>Graphe</translation>
    </message>
    <message>
        <location filename="../model/history/revisionlistmodel.cpp" line="151"/>
        <source>Revision</source>
        <translation>Révision</translation>
    </message>
    <message>
        <location filename="../model/history/revisionlistmodel.cpp" line="153"/>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../model/history/revisionlistmodel.cpp" line="155"/>
        <source>Parents</source>
        <translation>Parents</translation>
    </message>
    <message>
        <location filename="../model/history/revisionlistmodel.cpp" line="157"/>
        <source>Branch labels</source>
        <translation>Étiquettes de branche</translation>
    </message>
    <message>
        <location filename="../model/history/revisionlistmodel.cpp" line="159"/>
        <source>Flags</source>
        <translation>Indicateurs</translation>
    </message>
    <message>
        <location filename="../model/history/revisionlistmodel.cpp" line="161"/>
        <source>Databases</source>
        <translation>Bases de données</translation>
    </message>
    <message>
        <location filename="../model/history/revisionlistmodel.cpp" line="188"/>
        <source>head</source>
        <translation>tête</translation>
    </message>
    <message>
        <location filename="../model/history/revisionlistmodel.cpp" line="190"/>
        <source>effective head</source>
        <translation>tête effective</translation>
    </message>
    <message>
        <location filename="../model/history/revisionlistmodel.cpp" line="192"/>
        <source>base</source>
        <translation>base</translation>
    </message>
    <message>
        <location filename="../model/history/revisionlistmodel.cpp" line="194"/>
        <source>merge</source>
        <translation>fusion</translation>
    </message>
    <message>
        <location filename="../model/history/revisionlistmodel.cpp" line="196"/>
        <source>branch point</source>
        <translation>point de branchement</translation>
    </message>
    <message>
        <location filename="../model/history/revisionlistmodel.cpp" line="198"/>
        <source>missing</source>
        <translation>manquante</translation>
    </message>
    <message>
        <location filename="../model/history/revisionlistmodel.cpp" line="212"/>
        <source>depends on %1</source>
        <translation>dépend de %1</translation>
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
        <translation>en attente</translation>
    </message>
</context>
<context>
    <name>RevisionMap</name>
    <message>
        <location filename="../model/history/revisionengine.cpp" line="54"/>
        <source>The identifier does not lead to a revision (alembic fails here with an AssertionError).</source>
        <translation>L&apos;identifiant ne mène à aucune révision (alembic échoue ici avec une AssertionError).</translation>
    </message>
    <message>
        <location filename="../model/history/revisionengine.cpp" line="61"/>
        <source>The revision graph has a cycle, so it cannot be traversed. Run `retort-cli check` to see which revisions form it.</source>
        <translation>Le graphe des révisions contient un cycle et ne peut donc pas être parcouru. Exécutez `retort-cli check` pour voir quelles révisions le forment.</translation>
    </message>
    <message>
        <location filename="../model/history/revisionengine.cpp" line="185"/>
        <source>An empty revision identifier was given.</source>
        <translation>Un identifiant de révision vide a été fourni.</translation>
    </message>
    <message>
        <location filename="../model/history/revisionengine.cpp" line="366"/>
        <source>Cannot walk up from base.</source>
        <translation>Impossible de remonter depuis base.</translation>
    </message>
    <message>
        <location filename="../model/history/revisionengine.cpp" line="486"/>
        <source>The branch &apos;%1&apos; does not select exactly one current revision (alembic fails here with an AssertionError).</source>
        <translation>La branche «&#xa0;%1&#xa0;» ne sélectionne pas exactement une révision actuelle (alembic échoue ici avec une AssertionError).</translation>
    </message>
    <message>
        <location filename="../model/history/revisionengine.cpp" line="541"/>
        <source>Revision %1 is used as a branch but does not carry exactly one branch label (alembic fails here with an AssertionError).</source>
        <translation>La révision %1 est utilisée comme branche, mais ne porte pas exactement une étiquette de branche (alembic échoue ici avec une AssertionError).</translation>
    </message>
    <message>
        <location filename="../model/history/revisionengine.cpp" line="571"/>
        <source>The lower bound does not lead to a revision (alembic fails here with an AssertionError).</source>
        <translation>La borne inférieure ne mène à aucune révision (alembic échoue ici avec une AssertionError).</translation>
    </message>
    <message>
        <location filename="../model/history/revisionmapbuilder.cpp" line="447"/>
        <source>Dependency cycle is detected in revisions (%1): following down_revision and depends_on leads back to where it started. Remove one of the depends_on entries.</source>
        <translation>Cycle de dépendances détecté dans les révisions (%1)&#xa0;: en suivant down_revision et depends_on, on revient au point de départ. Supprimez l&apos;une des entrées depends_on.</translation>
    </message>
    <message>
        <location filename="../model/history/revisionmapbuilder.cpp" line="454"/>
        <source>Cycle is detected in revisions (%1): following down_revision leads back to where it started. Point one of them at an older revision.</source>
        <translation>Cycle détecté dans les révisions (%1)&#xa0;: en suivant down_revision, on revient au point de départ. Faites pointer l&apos;une d&apos;elles vers une révision plus ancienne.</translation>
    </message>
    <message>
        <location filename="../model/history/revisionmapbuilder.cpp" line="181"/>
        <source>Self-loop is detected in revisions (%1): the revision names itself in down_revision. Remove its own id from down_revision.</source>
        <translation>Auto-référence détectée dans les révisions (%1)&#xa0;: la révision se désigne elle-même dans down_revision. Retirez son propre identifiant de down_revision.</translation>
    </message>
    <message>
        <location filename="../model/history/revisionmapbuilder.cpp" line="168"/>
        <source>%1 = %2 in %3:%4 (%5)</source>
        <translation>%1 = %2 dans %3:%4 (%5)</translation>
    </message>
    <message>
        <location filename="../model/history/revisionmapbuilder.cpp" line="189"/>
        <source>Dependency self-loop is detected in revisions (%1): the revision names itself in depends_on. Remove its own id from depends_on.</source>
        <translation>Auto-référence de dépendance détectée dans les révisions (%1)&#xa0;: la révision se désigne elle-même dans depends_on. Retirez son propre identifiant de depends_on.</translation>
    </message>
    <message>
        <location filename="../model/history/revisionmapbuilder.cpp" line="210"/>
        <source>Revision %1 is present more than once: in %2 and in %3. Alembic uses the later file; give one of them a new revision id.</source>
        <translation>La révision %1 est présente plusieurs fois&#xa0;: dans %2 et dans %3. Alembic utilise le fichier chargé en dernier&#xa0;; donnez à l&apos;un des deux un nouvel identifiant de révision.</translation>
    </message>
    <message>
        <location filename="../model/history/revisionmapbuilder.cpp" line="238"/>
        <source>Branch name &apos;%1&apos; in revision %2 already used by revision %3. Rename one of the labels.</source>
        <translation>Le nom de branche «&#xa0;%1&#xa0;» de la révision %2 est déjà utilisé par la révision %3. Renommez l&apos;une des étiquettes.</translation>
    </message>
    <message>
        <location filename="../model/history/revisionmapbuilder.cpp" line="273"/>
        <source>Revision %1 referenced from %2 is not present: no file declares it. Restore the missing file or point down_revision at an existing revision.</source>
        <translation>La révision %1, référencée par %2, est absente&#xa0;: aucun fichier ne la déclare. Restaurez le fichier manquant ou faites pointer down_revision vers une révision existante.</translation>
    </message>
    <message>
        <location filename="../model/history/revisionmapbuilder.cpp" line="292"/>
        <source>Revision %1 depends on %2, which is neither a revision nor a branch label. Fix the depends_on entry or restore the missing revision.</source>
        <translation>La révision %1 dépend de %2, qui n&apos;est ni une révision ni une étiquette de branche. Corrigez l&apos;entrée depends_on ou restaurez la révision manquante.</translation>
    </message>
    <message>
        <location filename="../model/history/revisionmap.cpp" line="124"/>
        <source>Revision %1 takes part in this, but its %2 could not be worked out, so its dependencies are unknown. Write the value out literally, or let the project&apos;s Python evaluate it (Evaluate with Python in the window, --evaluate in retort-cli).</source>
        <translation>La révision %1 est concernée, mais la valeur de son %2 n&apos;a pas pu être déterminée&#xa0;: ses dépendances sont donc inconnues. Écrivez la valeur sous forme littérale, ou laissez le Python du projet l&apos;évaluer («&#xa0;Évaluer avec Python&#xa0;» dans la fenêtre, --evaluate dans retort-cli).</translation>
    </message>
    <message>
        <location filename="../model/history/revisionmap.cpp" line="138"/>
        <source>It may be a branch label of revision %1, whose %2 could not be worked out: write the value out literally, or let the project&apos;s Python evaluate it (Evaluate with Python in the window, --evaluate in retort-cli).</source>
        <translation>Il peut s&apos;agir d&apos;une étiquette de branche de la révision %1, dont la valeur de %2 n&apos;a pas pu être déterminée&#xa0;: écrivez la valeur sous forme littérale, ou laissez le Python du projet l&apos;évaluer («&#xa0;Évaluer avec Python&#xa0;» dans la fenêtre, --evaluate dans retort-cli).</translation>
    </message>
</context>
<context>
    <name>RevisionRemoval</name>
    <message>
        <location filename="../model/edits/revisionremoval.cpp" line="32"/>
        <source>(base)</source>
        <translation>(base)</translation>
    </message>
    <message>
        <location filename="../model/edits/revisionremoval.cpp" line="89"/>
        <source>The history has a cycle (see the problems list); break it by hand first, then delete %1.</source>
        <translation>L&apos;historique contient un cycle (voir la liste des problèmes)&#xa0;; rompez-le d&apos;abord à la main, puis supprimez %1.</translation>
    </message>
    <message>
        <location filename="../model/edits/revisionremoval.cpp" line="95"/>
        <source>%1 has no file: other revisions name it, but there is nothing to delete. Re-parent or delete the revisions that name it instead.</source>
        <translation>%1 n&apos;a pas de fichier&#xa0;: d&apos;autres révisions la désignent, mais il n&apos;y a rien à supprimer. Rattachez plutôt ailleurs les révisions qui la désignent, ou supprimez-les.</translation>
    </message>
    <message>
        <location filename="../model/edits/revisionremoval.cpp" line="106"/>
        <source>%1 has children (%2). Delete them with it, or re-parent them onto %3.</source>
        <translation>%1 a des enfants (%2). Supprimez-les avec elle, ou rattachez-les à %3.</translation>
    </message>
    <message>
        <location filename="../model/edits/revisionremoval.cpp" line="113"/>
        <source>The project has errors (see the problems list): the history Retort shows may not be the one alembic would load.</source>
        <translation>Le projet contient des erreurs (voir la liste des problèmes)&#xa0;: l&apos;historique affiché par Retort n&apos;est peut-être pas celui qu&apos;alembic chargerait.</translation>
    </message>
    <message>
        <location filename="../model/edits/revisionremoval.cpp" line="143"/>
        <source>%1 could not be read (%2): if it has %3 applied, deleting it breaks that database&apos;s history.</source>
        <translation>%1 n&apos;a pas pu être lu (%2)&#xa0;: si %3 y est appliquée, la supprimer casse l&apos;historique de cette base de données.</translation>
    </message>
    <message>
        <location filename="../model/edits/revisionremoval.cpp" line="158"/>
        <source>%1&apos;s version table names %2, which the project does not have: Retort cannot tell what is applied there.</source>
        <translation>La table des versions de %1 désigne %2, que le projet ne contient pas&#xa0;: Retort ne peut pas savoir ce qui y est appliqué.</translation>
    </message>
    <message>
        <location filename="../model/edits/revisionremoval.cpp" line="171"/>
        <source>%1 is applied in %2 (its version table holds %3). Downgrade %2 below it first; an applied revision cannot be deleted.</source>
        <translation>%1 est appliquée dans %2 (sa table des versions contient %3). Rétrogradez d&apos;abord %2 en dessous de cette révision&#xa0;; une révision appliquée ne peut pas être supprimée.</translation>
    </message>
    <message>
        <location filename="../model/edits/revisionremoval.cpp" line="204"/>
        <location filename="../model/edits/revisionremoval.cpp" line="304"/>
        <source>%1 cannot be read.</source>
        <translation>Impossible de lire %1.</translation>
    </message>
    <message>
        <location filename="../model/edits/revisionremoval.cpp" line="229"/>
        <source>%1: %2 %3 → %4</source>
        <translation>%1: %2 %3 → %4</translation>
    </message>
    <message>
        <location filename="../model/edits/revisionremoval.cpp" line="274"/>
        <source>Branch labels can move only when %1 is re-parented onto its one child.</source>
        <translation>Les étiquettes de branche ne peuvent être déplacées que si %1 n&apos;a qu&apos;un seul enfant et que celui-ci est rattaché à un autre parent.</translation>
    </message>
    <message>
        <location filename="../model/edits/revisionremoval.cpp" line="289"/>
        <source> They can move to %1 instead.</source>
        <translation> Elles peuvent plutôt être déplacées vers %1.</translation>
    </message>
    <message>
        <location filename="../model/edits/revisionremoval.cpp" line="292"/>
        <source>The branch labels %1 go away with %2: commands and depends_on that name them will fail.</source>
        <translation>Les étiquettes de branche %1 disparaissent avec %2&#xa0;: les commandes et les depends_on qui les désignent échoueront.</translation>
    </message>
</context>
<context>
    <name>RevisionScript</name>
    <message>
        <location filename="../model/project/revisionscript.cpp" line="123"/>
        <source>revision = %1 is not a literal string and Retort could not work it out (%2). Write the id as revision = &apos;abc123&apos;.</source>
        <translation>revision = %1 n&apos;est pas une chaîne littérale et Retort n&apos;a pas pu en déterminer la valeur (%2). Écrivez l&apos;identifiant sous la forme revision = &apos;abc123&apos;.</translation>
    </message>
    <message>
        <location filename="../model/project/revisionscript.cpp" line="129"/>
        <source>down_revision = %1 is not a literal and Retort could not work it out (%2), so it cannot tell this revision&apos;s parents. Write the parent ids out literally.</source>
        <translation>down_revision = %1 n&apos;est pas un littéral et Retort n&apos;a pas pu en déterminer la valeur (%2)&#xa0;; il ne peut donc pas connaître les parents de cette révision. Écrivez les identifiants des parents sous forme littérale.</translation>
    </message>
    <message>
        <location filename="../model/project/revisionscript.cpp" line="133"/>
        <source>%1 = %2 is not a literal and Retort could not work it out (%3). The revision is shown without it, and anything that needs it is refused; write the value out literally, or let the project&apos;s Python evaluate it (Evaluate with Python in the window, --evaluate in retort-cli).</source>
        <translation>%1 = %2 n&apos;est pas un littéral et Retort n&apos;a pas pu en déterminer la valeur (%3). La révision est affichée sans cette valeur, et toute opération qui en a besoin est refusée&#xa0;; écrivez la valeur sous forme littérale, ou laissez le Python du projet l&apos;évaluer («&#xa0;Évaluer avec Python&#xa0;» dans la fenêtre, --evaluate dans retort-cli).</translation>
    </message>
    <message>
        <location filename="../model/project/revisionscript.cpp" line="151"/>
        <source>revision = %1 is not a single string. Write the id as revision = &apos;abc123&apos;.</source>
        <translation>revision = %1 n&apos;est pas une chaîne unique. Écrivez l&apos;identifiant sous la forme revision = &apos;abc123&apos;.</translation>
    </message>
    <message>
        <location filename="../model/project/revisionscript.cpp" line="191"/>
        <source>&apos;%1&apos; is a word alembic reserves for identifiers (base, head, heads), so it cannot be a revision id. Give the revision another id, e.g. the one in its file name.</source>
        <translation>«&#xa0;%1&#xa0;» est un mot qu&apos;alembic réserve aux identifiants (base, head, heads)&#xa0;; ce ne peut donc pas être un identifiant de révision. Donnez un autre identifiant à la révision, par exemple celui de son nom de fichier.</translation>
    </message>
    <message>
        <location filename="../model/project/revisionscript.cpp" line="240"/>
        <source>Alembic cannot import this file until that is fixed.</source>
        <translation>Alembic ne peut pas importer ce fichier tant que ce problème n&apos;est pas corrigé.</translation>
    </message>
    <message>
        <location filename="../model/project/revisionscript.cpp" line="245"/>
        <source>The file is empty, so it declares no revision. Delete it or write the revision header into it.</source>
        <translation>Le fichier est vide et ne déclare donc aucune révision. Supprimez-le ou écrivez-y l&apos;en-tête de révision.</translation>
    </message>
    <message>
        <location filename="../model/project/revisionscript.cpp" line="168"/>
        <source>revision = &apos;&apos; is an empty revision id. Give the revision an id, e.g. the one in its file name.</source>
        <translation>revision = &apos;&apos; est un identifiant de révision vide. Donnez un identifiant à la révision, par exemple celui de son nom de fichier.</translation>
    </message>
    <message>
        <location filename="../model/project/revisionscript.cpp" line="180"/>
        <source>Could not determine revision id from filename %1. Be sure the &apos;revision&apos; variable is declared inside the script.</source>
        <translation>Impossible de déterminer l&apos;identifiant de révision à partir du nom de fichier %1. Assurez-vous que la variable «&#xa0;revision&#xa0;» est déclarée dans le script.</translation>
    </message>
    <message>
        <location filename="../model/project/revisionscript.cpp" line="202"/>
        <source>Character(s) &apos;%1&apos; not allowed in revision identifier &apos;%2&apos;. Choose an id made of letters, digits and underscores.</source>
        <translation>Caractère(s) «&#xa0;%1&#xa0;» non autorisé(s) dans l&apos;identifiant de révision «&#xa0;%2&#xa0;». Choisissez un identifiant composé de lettres, de chiffres et de traits de soulignement.</translation>
    </message>
    <message>
        <location filename="../model/project/revisionscript.cpp" line="211"/>
        <source>The file has no down_revision variable, which alembic requires. Add down_revision = None for a base, or the parent revision id.</source>
        <translation>Le fichier n&apos;a pas de variable down_revision, qu&apos;alembic exige. Ajoutez down_revision = None pour une révision de base, ou l&apos;identifiant de la révision parente.</translation>
    </message>
    <message>
        <location filename="../model/project/revisionscript.cpp" line="292"/>
        <source>(set by module-level code)</source>
        <translation>(défini par du code au niveau du module)</translation>
    </message>
    <message>
        <location filename="../model/project/revisionscript.cpp" line="325"/>
        <source>The file name starts with %1 but the file declares revision %2. Rename the file or check that it was not copied without updating its header.</source>
        <translation>Le nom du fichier commence par %1, mais le fichier déclare la révision %2. Renommez le fichier ou vérifiez qu&apos;il n&apos;a pas été copié sans mise à jour de son en-tête.</translation>
    </message>
</context>
<context>
    <name>SchemaChanges</name>
    <message>
        <location filename="../model/schema/schemachanges.cpp" line="57"/>
        <source>%1 has no file: its changes are unknown.</source>
        <translation>%1 n&apos;a pas de fichier&#xa0;: ses modifications sont inconnues.</translation>
    </message>
</context>
<context>
    <name>SchemaCommands</name>
    <message>
        <location filename="../app/cli/schemacommands.cpp" line="116"/>
        <source>Unknown dialect &apos;%1&apos;: use sqlite, postgresql or mysql.</source>
        <translation>Dialecte inconnu «&#xa0;%1&#xa0;»&#xa0;: utilisez sqlite, postgresql ou mysql.</translation>
    </message>
    <message>
        <location filename="../app/cli/schemacommands.cpp" line="128"/>
        <source>changes needs one revision, or a range START:END.</source>
        <translation>changes attend une révision ou un intervalle START:END.</translation>
    </message>
    <message>
        <location filename="../app/cli/schemacommands.cpp" line="130"/>
        <source>The history has errors (see retort-cli check); the schemas cannot be worked out.</source>
        <translation>L&apos;historique contient des erreurs (voir retort-cli check)&#xa0;; impossible de déterminer les schémas.</translation>
    </message>
    <message>
        <location filename="../app/cli/schemacommands.cpp" line="152"/>
        <source>Schema changes from %1 to %2 (%3):</source>
        <translation>Modifications du schéma de %1 à %2 (%3)&#xa0;:</translation>
    </message>
    <message>
        <location filename="../app/cli/schemacommands.cpp" line="160"/>
        <source>&apos;%1&apos; is not one revision.</source>
        <translation>«&#xa0;%1&#xa0;» ne désigne pas une seule révision.</translation>
    </message>
    <message>
        <location filename="../app/cli/schemacommands.cpp" line="162"/>
        <source>Schema changes of %1 (%2):</source>
        <translation>Modifications du schéma de %1 (%2)&#xa0;:</translation>
    </message>
    <message>
        <location filename="../app/cli/schemacommands.cpp" line="173"/>
        <source>no schema changes</source>
        <translation>aucune modification du schéma</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/cli/schemacommands.cpp" line="188"/>
        <source>Schema of %1 (%2): %n table(s)</source>
        <translation>
            <numerusform>Schéma de %1 (%2)&#xa0;: %n table</numerusform>
            <numerusform>Schéma de %1 (%2)&#xa0;: %n tables</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/cli/schemacommands.cpp" line="209"/>
        <source>Comparing with the models runs the project&apos;s env.py through alembic, which needs its alembic.ini, and this project was opened without one; open it with -c path/to/alembic.ini.</source>
        <translation>La comparaison avec les modèles exécute le fichier env.py du projet via alembic, qui a besoin de son alembic.ini&#xa0;; or ce projet a été ouvert sans ce fichier. Ouvrez-le avec -c path/to/alembic.ini.</translation>
    </message>
    <message>
        <location filename="../app/cli/schemacommands.cpp" line="231"/>
        <source>This is a Flask-Migrate project (its env.py uses Flask&apos;s current_app), so its models are compared inside the Flask app, and FLASK_APP does not say which app that is: export FLASK_APP=module:app (or FLASK_APP=module), or add it to the environment&apos;s variables.</source>
        <translation>Ce projet utilise Flask-Migrate (son env.py utilise current_app de Flask)&#xa0;: ses modèles sont donc comparés dans l&apos;application Flask, et FLASK_APP n&apos;indique pas de quelle application il s&apos;agit. Exportez FLASK_APP=module:app (ou FLASK_APP=module), ou ajoutez cette variable à celles de l&apos;environnement.</translation>
    </message>
    <message>
        <location filename="../app/cli/schemacommands.cpp" line="243"/>
        <source>(retort-cli upgrade heads, or retort-cli diff --against stamped)</source>
        <translation>(retort-cli upgrade heads, ou retort-cli diff --against stamped)</translation>
    </message>
    <message>
        <location filename="../app/cli/schemacommands.cpp" line="265"/>
        <source>The history has errors (see retort-cli check); the expected schema cannot be worked out.</source>
        <translation>L&apos;historique contient des erreurs (voir retort-cli check)&#xa0;; impossible de déterminer le schéma attendu.</translation>
    </message>
    <message>
        <location filename="../app/cli/schemacommands.cpp" line="301"/>
        <source>The history has errors (see retort-cli check); the expected schemas cannot be worked out.</source>
        <translation>L&apos;historique contient des erreurs (voir retort-cli check)&#xa0;; impossible de déterminer les schémas attendus.</translation>
    </message>
    <message>
        <location filename="../app/cli/schemacommands.cpp" line="316"/>
        <source>&lt;base&gt; (empty schema)</source>
        <translation>&lt;base&gt; (schéma vide)</translation>
    </message>
    <message>
        <location filename="../app/cli/schemacommands.cpp" line="318"/>
        <source>Revisions closest to the schema of %1 (stamped: %2):</source>
        <translation>Révisions les plus proches du schéma de %1 (version marquée&#xa0;: %2)&#xa0;:</translation>
    </message>
    <message>
        <location filename="../app/cli/schemacommands.cpp" line="319"/>
        <source>nothing</source>
        <translation>rien</translation>
    </message>
    <message>
        <location filename="../app/cli/schemacommands.cpp" line="324"/>
        <source>same schema</source>
        <translation>schéma identique</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/cli/schemacommands.cpp" line="325"/>
        <source>%n difference(s)</source>
        <translation>
            <numerusform>%n différence</numerusform>
            <numerusform>%n différences</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/cli/schemacommands.cpp" line="326"/>
        <source>, distance %1</source>
        <translation>, distance %1</translation>
    </message>
    <message>
        <location filename="../app/cli/schemacommands.cpp" line="328"/>
        <source>, approximate</source>
        <translation>, approximation</translation>
    </message>
    <message>
        <location filename="../app/cli/schemacommands.cpp" line="330"/>
        <source>, stamped now</source>
        <translation>, actuellement marquée</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/cli/schemacommands.cpp" line="334"/>
        <source>… %n more (-v shows all)</source>
        <translation>
            <numerusform>… %n de plus (-v pour tout afficher)</numerusform>
            <numerusform>… %n de plus (-v pour tout afficher)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/cli/schemacommands.cpp" line="341"/>
        <source>No revision gives exactly this schema; `retort-cli diff --against %1` shows what differs.</source>
        <translation>Aucune révision ne donne exactement ce schéma&#xa0;; `retort-cli diff --against %1` montre les différences.</translation>
    </message>
    <message>
        <location filename="../app/cli/schemacommands.cpp" line="345"/>
        <source>The database matches its stamped revisions.</source>
        <translation>La base de données correspond à ses révisions marquées.</translation>
    </message>
    <message>
        <location filename="../app/cli/schemacommands.cpp" line="351"/>
        <source>To record where the database really is: retort-cli stamp --purge %1</source>
        <translation>Pour enregistrer l&apos;état réel de la base de données&#xa0;: retort-cli stamp --purge %1</translation>
    </message>
    <message>
        <location filename="../app/cli/schemacommands.cpp" line="355"/>
        <source>then bring it up to date: retort-cli upgrade heads</source>
        <translation>puis mettez-la à niveau&#xa0;: retort-cli upgrade heads</translation>
    </message>
</context>
<context>
    <name>SchemaDialog</name>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="85"/>
        <source>info</source>
        <translation>info</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="87"/>
        <source>warning</source>
        <translation>avertissement</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="91"/>
        <source>error</source>
        <translation>erreur</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="123"/>
        <source>(unnamed)</source>
        <translation>(sans nom)</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="147"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="148"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="152"/>
        <source>Compare Schema</source>
        <translation>Comparer le schéma</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="161"/>
        <source>Stop waiting: the answer of the reading still running is dropped</source>
        <translation>Cesser d&apos;attendre&#xa0;: la réponse de la lecture encore en cours sera ignorée</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="164"/>
        <source>Read the database&apos;s schema and version table again</source>
        <translation>Relire le schéma et la table des versions de la base de données</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="171"/>
        <source>&amp;Live Schema</source>
        <translation>Schéma &amp;réel</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="172"/>
        <location filename="../widgets/schemadialog.cpp" line="649"/>
        <location filename="../widgets/schemadialog.cpp" line="694"/>
        <source>&amp;Drift</source>
        <translation>&amp;Écarts</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="173"/>
        <source>&amp;Matching Revision</source>
        <translation>Révision &amp;correspondante</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="212"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="212"/>
        <source>Definition</source>
        <translation>Définition</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="232"/>
        <source>Filter by table, column or text</source>
        <translation>Filtrer par table, colonne ou texte</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="234"/>
        <source>&amp;Copy as Text</source>
        <translation>Copier en &amp;texte</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="236"/>
        <source>Copy the differences as retort-cli diff prints them</source>
        <translation>Copier les différences telles que retort-cli diff les affiche</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="245"/>
        <source>Difference</source>
        <translation>Différence</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="245"/>
        <source>Severity</source>
        <translation>Gravité</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="258"/>
        <source>Compare with:</source>
        <translation>Comparer avec&#xa0;:</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="277"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="277"/>
        <source>Revision</source>
        <translation>Révision</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="277"/>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="277"/>
        <source>Distance</source>
        <translation>Distance</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="247"/>
        <location filename="../widgets/schemadialog.cpp" line="277"/>
        <source>Differences</source>
        <translation>Différences</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="170"/>
        <source>Schema views</source>
        <translation>Vues du schéma</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="214"/>
        <source>Live schema</source>
        <translation>Schéma réel</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="226"/>
        <source>Compare with</source>
        <translation>Comparer avec</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="231"/>
        <source>Filter the differences</source>
        <translation>Filtrer les écarts</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="277"/>
        <source>Replay</source>
        <translation>Rejeu</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="279"/>
        <source>Revisions by match</source>
        <translation>Révisions par correspondance</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="284"/>
        <source>&amp;Stamp Here…</source>
        <translation>&amp;Marquer la version ici (stamp)…</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="286"/>
        <location filename="../widgets/schemadialog.cpp" line="895"/>
        <source>Preview a stamp of the database at the selected revision: no migration runs</source>
        <translation>Aperçu du marquage (stamp) de la base de données à la révision sélectionnée&#xa0;: aucune migration n&apos;est exécutée</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="287"/>
        <source>Show &amp;Differences</source>
        <translation>Afficher les &amp;différences</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="289"/>
        <source>Compare the database with the selected revision in the Drift tab</source>
        <translation>Comparer la base de données avec la révision sélectionnée dans l&apos;onglet «&#xa0;Écarts&#xa0;»</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="290"/>
        <source>&amp;Upgrade to Heads…</source>
        <translation>Mettre à &amp;niveau vers les têtes…</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="292"/>
        <location filename="../widgets/schemadialog.cpp" line="897"/>
        <source>Preview, then run alembic upgrade heads on this environment</source>
        <translation>Afficher un aperçu, puis exécuter alembic upgrade heads sur cet environnement</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="338"/>
        <source>No environment</source>
        <translation>Aucun environnement</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="339"/>
        <source>Open a project and choose an environment to compare its schema.</source>
        <translation>Ouvrez un projet et choisissez un environnement pour comparer son schéma.</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="346"/>
        <source>Compare Schema — %1</source>
        <translation>Comparer le schéma — %1</translation>
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
        <translation>aucun mot de passe n&apos;a été fourni.</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="355"/>
        <source>The schema of %1 was not read: %2</source>
        <translation>Le schéma de %1 n&apos;a pas été lu&#xa0;: %2</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="390"/>
        <source>Cancelled: the schema shown, if any, is from an earlier reading.</source>
        <translation>Annulé&#xa0;: le schéma affiché, le cas échéant, provient d&apos;une lecture antérieure.</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="391"/>
        <source>Cancelled.</source>
        <translation>Annulé.</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="407"/>
        <source>The schema of %1 could not be read: %2</source>
        <translation>Impossible de lire le schéma de %1&#xa0;: %2</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="419"/>
        <source>&lt;b&gt;%1&lt;/b&gt; — %2 (%3), stamped at %4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — %2 (%3), version marquée&#xa0;: %4</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="422"/>
        <location filename="../widgets/schemadialog.cpp" line="508"/>
        <location filename="../widgets/schemadialog.cpp" line="794"/>
        <source>nothing</source>
        <translation>rien</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="425"/>
        <source>The database has no version table %1: alembic never stamped it, so it is compared with the empty schema before any revision.</source>
        <translation>La base de données n&apos;a pas de table des versions %1&#xa0;: alembic ne l&apos;a jamais marquée (stamp), elle est donc comparée avec le schéma vide antérieur à toute révision.</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="435"/>
        <source>The history has errors (see the Problems panel): the schema the migrations give cannot be worked out.</source>
        <translation>L&apos;historique contient des erreurs (voir le panneau «&#xa0;Problèmes&#xa0;»)&#xa0;: impossible de déterminer le schéma produit par les migrations.</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/schemadialog.cpp" line="460"/>
        <source>%n column(s)</source>
        <translation>
            <numerusform>%n colonne</numerusform>
            <numerusform>%n colonnes</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="482"/>
        <source>Enum types</source>
        <translation>Types enum</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/schemadialog.cpp" line="482"/>
        <source>%n type(s)</source>
        <translation>
            <numerusform>%n type</numerusform>
            <numerusform>%n types</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="490"/>
        <source>Views</source>
        <translation>Vues</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/schemadialog.cpp" line="490"/>
        <source>%n view(s)</source>
        <translation>
            <numerusform>%n vue</numerusform>
            <numerusform>%n vues</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="499"/>
        <source>The database has no tables (besides the version table).</source>
        <translation>La base de données n&apos;a aucune table (hormis la table des versions).</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/schemadialog.cpp" line="500"/>
        <source>%n table(s), read from the database&apos;s catalog.</source>
        <translation>
            <numerusform>%n table, lue dans le catalogue de la base de données.</numerusform>
            <numerusform>%n tables, lues dans le catalogue de la base de données.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="508"/>
        <source>The stamped revision (%1)</source>
        <translation>La révision marquée (%1)</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="510"/>
        <source>The models (env.py&apos;s target_metadata, compared by alembic)</source>
        <translation>Les modèles (target_metadata de env.py, comparés par alembic)</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="512"/>
        <source>What alembic check finds: runs env.py in the project&apos;s Python, reads the database and writes nothing</source>
        <translation>Ce que trouve alembic check&#xa0;: exécute env.py avec le Python du projet, lit la base de données et n&apos;écrit rien</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="515"/>
        <location filename="../widgets/schemadialog.cpp" line="783"/>
        <source>&lt;base&gt; (empty schema)</source>
        <translation>&lt;base&gt; (schéma vide)</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="598"/>
        <source>Comparing with the models runs the project&apos;s env.py through alembic, which needs its alembic.ini, and this project was opened without one: open its alembic.ini.</source>
        <translation>La comparaison avec les modèles exécute le fichier env.py du projet via alembic, qui a besoin de son alembic.ini&#xa0;; or ce projet a été ouvert sans ce fichier&#xa0;: ouvrez son alembic.ini.</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="605"/>
        <source>Not compared: %1</source>
        <translation>Non comparé&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="632"/>
        <source>Upgrade to Heads (in the Matching Revision tab) brings it up to date; or compare with the stamped revision.</source>
        <translation>«&#xa0;Mettre à niveau vers les têtes&#xa0;» (dans l&apos;onglet «&#xa0;Révision correspondante&#xa0;») la met à jour&#xa0;; vous pouvez aussi comparer avec la révision marquée.</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="661"/>
        <source>(schema)</source>
        <translation>(schéma)</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="669"/>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="670"/>
        <source>Expected: %1
Actual: %2</source>
        <translation>Attendu&#xa0;: %1
Réel&#xa0;: %2</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="675"/>
        <source>alembic %1 in %2</source>
        <translation>alembic %1 in %2</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="677"/>
        <source>No differences: the database has the schema of the models (env.py&apos;s target_metadata), as %1 compares them.</source>
        <translation>Aucune différence&#xa0;: la base de données a le schéma des modèles (target_metadata de env.py), tel que %1 les compare.</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/schemadialog.cpp" line="680"/>
        <source>%n difference(s) between the database and the models (env.py&apos;s target_metadata), as %1 finds them; alembic revision --autogenerate would write them into a new revision.</source>
        <translation>
            <numerusform>%n différence entre la base de données et les modèles (target_metadata de env.py), telle que %1 la détecte&#xa0;; alembic revision --autogenerate l&apos;écrirait dans une nouvelle révision.</numerusform>
            <numerusform>%n différences entre la base de données et les modèles (target_metadata de env.py), telles que %1 les détecte&#xa0;; alembic revision --autogenerate les écrirait dans une nouvelle révision.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="687"/>
        <source>No differences: the database has the schema the migrations give at %1.</source>
        <translation>Aucune différence&#xa0;: la base de données a le schéma que donnent les migrations à %1.</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/schemadialog.cpp" line="691"/>
        <source>%n difference(s) from the schema the migrations give at %1.</source>
        <translation>
            <numerusform>%n différence avec le schéma que donnent les migrations à %1.</numerusform>
            <numerusform>%n différences avec le schéma que donnent les migrations à %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/schemadialog.cpp" line="694"/>
        <source>&amp;Drift (%n)</source>
        <translation>
            <numerusform>&amp;Écarts (%n)</numerusform>
            <numerusform>&amp;Écarts (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/schemadialog.cpp" line="698"/>
        <source>Approximate: %n statement(s) of the migrations could not be followed; the expected schema after them may be wrong:</source>
        <translation>
            <numerusform>Approximatif&#xa0;: %n instruction des migrations n&apos;a pas pu être suivie&#xa0;; le schéma attendu après celle-ci peut être erroné&#xa0;:</numerusform>
            <numerusform>Approximatif&#xa0;: %n instructions des migrations n&apos;ont pas pu être suivies&#xa0;; le schéma attendu après celles-ci peut être erroné&#xa0;:</numerusform>
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
            <numerusform>… et %n de plus (voir l&apos;infobulle)</numerusform>
            <numerusform>… et %n de plus (voir l&apos;infobulle)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="727"/>
        <location filename="../widgets/schemadialog.cpp" line="876"/>
        <source>Comparing every revision&apos;s schema with the database…</source>
        <translation>Comparaison du schéma de chaque révision avec la base de données…</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="755"/>
        <source>&lt;base&gt;</source>
        <translation>&lt;base&gt;</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="756"/>
        <source>(empty schema)</source>
        <translation>(schéma vide)</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/schemadialog.cpp" line="758"/>
        <source>(%n revisions together)</source>
        <translation>
            <numerusform>(%n révision regroupée)</numerusform>
            <numerusform>(%n révisions regroupées)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="760"/>
        <source>[stamped now] </source>
        <translation>[actuellement marquée] </translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="763"/>
        <source>same schema</source>
        <translation>schéma identique</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="764"/>
        <source>approximate</source>
        <translation>approximatif</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="764"/>
        <location filename="../widgets/schemadialog.cpp" line="847"/>
        <source>exact</source>
        <translation>exact</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="769"/>
        <source>The replay up to this revision met statements it could not follow.</source>
        <translation>Le rejeu jusqu&apos;à cette révision a rencontré des instructions qu&apos;il n&apos;a pas pu suivre.</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="779"/>
        <source>The project has no revisions to compare with.</source>
        <translation>Le projet n&apos;a aucune révision avec laquelle comparer.</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/schemadialog.cpp" line="785"/>
        <source>No revision gives exactly this schema; the closest is %1 (%n difference(s)).</source>
        <translation>
            <numerusform>Aucune révision ne donne exactement ce schéma&#xa0;; la plus proche est %1 (%n différence).</numerusform>
            <numerusform>Aucune révision ne donne exactement ce schéma&#xa0;; la plus proche est %1 (%n différences).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="789"/>
        <source>Show Differences compares the database with the selected revision.</source>
        <translation>«&#xa0;Afficher les différences&#xa0;» compare la base de données avec la révision sélectionnée.</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="791"/>
        <source>The database matches its stamped revision.</source>
        <translation>La base de données correspond à sa révision marquée.</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="793"/>
        <source>The database has the schema of %1 but is stamped at %2.</source>
        <translation>La base de données a le schéma de %1, mais sa version marquée est %2.</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="796"/>
        <source>To record where the database really is, stamp it at %1; then bring it up to date with Upgrade to Heads.</source>
        <translation>Pour enregistrer l&apos;état réel de la base de données, marquez sa version à %1 (stamp)&#xa0;; puis mettez-la à jour avec «&#xa0;Mettre à niveau vers les têtes&#xa0;».</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="801"/>
        <source>(The replay is approximate: some statements could not be followed.)</source>
        <translation>(Le rejeu est approximatif&#xa0;: certaines instructions n&apos;ont pas pu être suivies.)</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="804"/>
        <source>Stamped. The migrations after the stamped revision have not run on this database: upgrade it to the heads to bring it up to date.</source>
        <translation>Version marquée. Les migrations postérieures à la révision marquée n&apos;ont pas été exécutées sur cette base de données&#xa0;: mettez-la à niveau vers les têtes (upgrade) pour la mettre à jour.</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="874"/>
        <source>Reading the schema of %1…</source>
        <translation>Lecture du schéma de %1…</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="878"/>
        <source>alembic is comparing the database with the models…</source>
        <translation>alembic compare la base de données avec les modèles…</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="880"/>
        <source>Working out the expected schema…</source>
        <translation>Détermination du schéma attendu…</translation>
    </message>
    <message>
        <location filename="../widgets/schemadialog.cpp" line="894"/>
        <source>%1 is no longer the active environment: make it active to stamp or upgrade it.</source>
        <translation>%1 n&apos;est plus l&apos;environnement actif&#xa0;: rendez-le actif pour marquer sa version (stamp) ou le mettre à niveau.</translation>
    </message>
</context>
<context>
    <name>SchemaDiff</name>
    <message>
        <location filename="../model/schema/schemadiff.cpp" line="804"/>
        <source>table</source>
        <translation>table</translation>
    </message>
    <message>
        <location filename="../model/schema/schemadiff.cpp" line="806"/>
        <source>column</source>
        <translation>colonne</translation>
    </message>
    <message>
        <location filename="../model/schema/schemadiff.cpp" line="808"/>
        <source>primary key</source>
        <translation>clé primaire</translation>
    </message>
    <message>
        <location filename="../model/schema/schemadiff.cpp" line="810"/>
        <source>index</source>
        <translation>index</translation>
    </message>
    <message>
        <location filename="../model/schema/schemadiff.cpp" line="812"/>
        <source>unique constraint</source>
        <translation>contrainte d&apos;unicité</translation>
    </message>
    <message>
        <location filename="../model/schema/schemadiff.cpp" line="814"/>
        <source>check constraint</source>
        <translation>contrainte de vérification</translation>
    </message>
    <message>
        <location filename="../model/schema/schemadiff.cpp" line="816"/>
        <source>foreign key</source>
        <translation>clé étrangère</translation>
    </message>
    <message>
        <location filename="../model/schema/schemadiff.cpp" line="818"/>
        <source>enum type</source>
        <translation>type enum</translation>
    </message>
    <message>
        <location filename="../model/schema/schemadiff.cpp" line="820"/>
        <source>view</source>
        <translation>vue</translation>
    </message>
    <message>
        <location filename="../model/schema/schemadiff.cpp" line="827"/>
        <source>type</source>
        <translation>type</translation>
    </message>
    <message>
        <location filename="../model/schema/schemadiff.cpp" line="829"/>
        <source>nullable</source>
        <translation>nullable</translation>
    </message>
    <message>
        <location filename="../model/schema/schemadiff.cpp" line="831"/>
        <source>default</source>
        <translation>valeur par défaut</translation>
    </message>
    <message>
        <location filename="../model/schema/schemadiff.cpp" line="833"/>
        <source>autoincrement</source>
        <translation>autoincrement</translation>
    </message>
    <message>
        <location filename="../model/schema/schemadiff.cpp" line="835"/>
        <source>columns</source>
        <translation>colonnes</translation>
    </message>
    <message>
        <location filename="../model/schema/schemadiff.cpp" line="837"/>
        <source>unique</source>
        <translation>unique</translation>
    </message>
    <message>
        <location filename="../model/schema/schemadiff.cpp" line="839"/>
        <source>where</source>
        <translation>where</translation>
    </message>
    <message>
        <location filename="../model/schema/schemadiff.cpp" line="841"/>
        <source>referred table</source>
        <translation>table référencée</translation>
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
        <translation>condition</translation>
    </message>
    <message>
        <location filename="../model/schema/schemadiff.cpp" line="849"/>
        <source>name</source>
        <translation>nom</translation>
    </message>
    <message>
        <location filename="../model/schema/schemadiff.cpp" line="851"/>
        <source>values</source>
        <translation>valeurs</translation>
    </message>
    <message>
        <location filename="../model/schema/schemadiff.cpp" line="867"/>
        <source>%1 on %2</source>
        <comment>an index or constraint (1) on a table (2)</comment>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <location filename="../model/schema/schemadiff.cpp" line="880"/>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
</context>
<context>
    <name>SchemaInspector</name>
    <message>
        <location filename="../model/schema/schemainspector.cpp" line="454"/>
        <source>Cannot read the schema of %1: %2</source>
        <translation>Impossible de lire le schéma de %1&#xa0;: %2</translation>
    </message>
    <message>
        <location filename="../model/schema/schemainspector.cpp" line="802"/>
        <source>the server does not say which schema is the current one</source>
        <translation>le serveur n&apos;indique pas quel schéma est le schéma courant</translation>
    </message>
    <message>
        <location filename="../model/schema/schemainspector.cpp" line="1109"/>
        <source>the server does not say which database is the current one</source>
        <translation>le serveur n&apos;indique pas quelle base de données est la base courante</translation>
    </message>
    <message>
        <location filename="../model/schema/schemainspector.cpp" line="1116"/>
        <source>the URL names no database</source>
        <translation>l&apos;URL ne désigne aucune base de données</translation>
    </message>
    <message>
        <location filename="../model/schema/schemainspector.cpp" line="1304"/>
        <source>the connection is not open</source>
        <translation>la connexion n&apos;est pas ouverte</translation>
    </message>
</context>
<context>
    <name>SchemaReplay</name>
    <message>
        <location filename="../model/schema/schemareplay.cpp" line="174"/>
        <source>a &apos;with&apos; block Retort does not know; its operations are applied as written</source>
        <translation>un bloc «&#xa0;with&#xa0;» que Retort ne connaît pas&#xa0;; ses opérations sont appliquées telles qu&apos;elles sont écrites</translation>
    </message>
    <message>
        <location filename="../model/schema/schemareplay.cpp" line="179"/>
        <source>&apos;%1&apos; decides at run time what happens; the operations inside are not applied</source>
        <translation>«&#xa0;%1&#xa0;» décide à l&apos;exécution de ce qui se passe&#xa0;; les opérations qu&apos;il contient ne sont pas appliquées</translation>
    </message>
    <message>
        <location filename="../model/schema/schemareplay.cpp" line="186"/>
        <source>a statement Retort does not interpret</source>
        <translation>une instruction que Retort n&apos;interprète pas</translation>
    </message>
    <message>
        <location filename="../model/schema/schemareplay.cpp" line="203"/>
        <source>the table of this batch is not a plain string; its operations are not applied</source>
        <translation>la table de ce bloc batch n&apos;est pas une simple chaîne&#xa0;; ses opérations ne sont pas appliquées</translation>
    </message>
    <message>
        <location filename="../model/schema/schemareplay.cpp" line="242"/>
        <source>a call Retort cannot follow; any schema change it makes is missing</source>
        <translation>un appel que Retort ne peut pas suivre&#xa0;; les modifications de schéma qu&apos;il effectue éventuellement manquent</translation>
    </message>
    <message>
        <location filename="../model/schema/schemareplay.cpp" line="247"/>
        <source>arguments passed with * or ** cannot be read; the operation is not applied</source>
        <translation>les arguments passés avec * ou ** ne peuvent pas être lus&#xa0;; l&apos;opération n&apos;est pas appliquée</translation>
    </message>
    <message>
        <location filename="../model/schema/schemareplay.cpp" line="275"/>
        <source>SQL run by op.execute() is not interpreted; the schema after it may differ</source>
        <translation>le SQL exécuté par op.execute() n&apos;est pas interprété&#xa0;; le schéma qui en résulte peut différer</translation>
    </message>
    <message>
        <location filename="../model/schema/schemareplay.cpp" line="277"/>
        <source>the operation &apos;%1&apos; is not one Retort replays</source>
        <translation>l&apos;opération «&#xa0;%1&#xa0;» ne fait pas partie de celles que Retort rejoue</translation>
    </message>
    <message>
        <location filename="../model/schema/schemareplay.cpp" line="300"/>
        <source>the table name is not a plain string; the operation is not applied</source>
        <translation>le nom de table n&apos;est pas une simple chaîne&#xa0;; l&apos;opération n&apos;est pas appliquée</translation>
    </message>
    <message>
        <location filename="../model/schema/schemareplay.cpp" line="306"/>
        <source>the table &apos;%1&apos; does not exist at this point of the history; the operation is not applied</source>
        <translation>la table «&#xa0;%1&#xa0;» n&apos;existe pas à ce stade de l&apos;historique&#xa0;; l&apos;opération n&apos;est pas appliquée</translation>
    </message>
    <message>
        <location filename="../model/schema/schemareplay.cpp" line="397"/>
        <source>not a sa.Column(…) Retort can read; the column is missing</source>
        <translation>ce n&apos;est pas un sa.Column(…) lisible par Retort&#xa0;; la colonne manque</translation>
    </message>
    <message>
        <location filename="../model/schema/schemareplay.cpp" line="405"/>
        <source>the column has no name Retort can read; it is missing</source>
        <translation>la colonne n&apos;a pas de nom lisible par Retort&#xa0;; elle manque</translation>
    </message>
    <message>
        <location filename="../model/schema/schemareplay.cpp" line="420"/>
        <source>the foreign key&apos;s target is not a &apos;table.column&apos; string; it is missing</source>
        <translation>la cible de la clé étrangère n&apos;est pas une chaîne de la forme «&#xa0;table.column&#xa0;»&#xa0;; elle manque</translation>
    </message>
    <message>
        <location filename="../model/schema/schemareplay.cpp" line="428"/>
        <source>&apos;%1&apos; on a column is not compared</source>
        <translation>«&#xa0;%1&#xa0;» sur une colonne n&apos;est pas comparé</translation>
    </message>
    <message>
        <location filename="../model/schema/schemareplay.cpp" line="439"/>
        <source>the column &apos;%1&apos; has no type</source>
        <translation>la colonne «&#xa0;%1&#xa0;» n&apos;a pas de type</translation>
    </message>
    <message>
        <location filename="../model/schema/schemareplay.cpp" line="454"/>
        <location filename="../model/schema/schemareplay.cpp" line="772"/>
        <source>a server default Retort cannot render; compared as written</source>
        <translation>une valeur par défaut côté serveur que Retort ne peut pas restituer&#xa0;; elle est comparée telle qu&apos;elle est écrite</translation>
    </message>
    <message>
        <location filename="../model/schema/schemareplay.cpp" line="459"/>
        <source>the table &apos;%1&apos; already has a column &apos;%2&apos;</source>
        <translation>la table «&#xa0;%1&#xa0;» a déjà une colonne «&#xa0;%2&#xa0;»</translation>
    </message>
    <message>
        <location filename="../model/schema/schemareplay.cpp" line="544"/>
        <source>an index on expressions is compared by its text</source>
        <translation>un index sur des expressions est comparé d&apos;après son texte</translation>
    </message>
    <message>
        <location filename="../model/schema/schemareplay.cpp" line="548"/>
        <source>&apos;%1&apos; is not something Retort reads in create_table; it is missing</source>
        <translation>«&#xa0;%1&#xa0;» ne fait pas partie de ce que Retort lit dans create_table&#xa0;; l&apos;élément manque</translation>
    </message>
    <message>
        <location filename="../model/schema/schemareplay.cpp" line="630"/>
        <source>the table name is not a plain string; the table is missing</source>
        <translation>le nom de table n&apos;est pas une simple chaîne&#xa0;; la table manque</translation>
    </message>
    <message>
        <location filename="../model/schema/schemareplay.cpp" line="634"/>
        <source>the table &apos;%1&apos; exists already at this point of the history</source>
        <translation>la table «&#xa0;%1&#xa0;» existe déjà à ce stade de l&apos;historique</translation>
    </message>
    <message>
        <location filename="../model/schema/schemareplay.cpp" line="678"/>
        <source>the new table name is not a plain string; the table keeps its name</source>
        <translation>le nouveau nom de table n&apos;est pas une simple chaîne&#xa0;; la table garde son nom</translation>
    </message>
    <message>
        <location filename="../model/schema/schemareplay.cpp" line="700"/>
        <source>add_column() without a column</source>
        <translation>add_column() sans colonne</translation>
    </message>
    <message>
        <location filename="../model/schema/schemareplay.cpp" line="716"/>
        <source>the column to drop is not a column of &apos;%1&apos; at this point</source>
        <translation>la colonne à supprimer n&apos;est pas, à ce stade, une colonne de «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <location filename="../model/schema/schemareplay.cpp" line="757"/>
        <source>the column to alter is not a column of &apos;%1&apos; at this point</source>
        <translation>la colonne à modifier n&apos;est pas, à ce stade, une colonne de «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <location filename="../model/schema/schemareplay.cpp" line="763"/>
        <source>nullable is not True or False; left as it was</source>
        <translation>nullable ne vaut ni True ni False&#xa0;; laissé inchangé</translation>
    </message>
    <message>
        <location filename="../model/schema/schemareplay.cpp" line="782"/>
        <source>the new column name is not a plain string; the column keeps its name</source>
        <translation>le nouveau nom de colonne n&apos;est pas une simple chaîne&#xa0;; la colonne garde son nom</translation>
    </message>
    <message>
        <location filename="../model/schema/schemareplay.cpp" line="818"/>
        <source>the index has no name or columns Retort can read; it is missing</source>
        <translation>l&apos;index n&apos;a pas de nom ou de colonnes lisibles par Retort&#xa0;; il manque</translation>
    </message>
    <message>
        <location filename="../model/schema/schemareplay.cpp" line="864"/>
        <source>no index &apos;%1&apos; exists at this point of the history</source>
        <translation>aucun index «&#xa0;%1&#xa0;» n&apos;existe à ce stade de l&apos;historique</translation>
    </message>
    <message>
        <location filename="../model/schema/schemareplay.cpp" line="877"/>
        <source>the constraint&apos;s columns are not plain strings; it is missing</source>
        <translation>les colonnes de la contrainte ne sont pas de simples chaînes&#xa0;; elle manque</translation>
    </message>
    <message>
        <location filename="../model/schema/schemareplay.cpp" line="904"/>
        <source>the foreign key&apos;s tables or columns are not plain strings; it is missing</source>
        <translation>les tables ou colonnes de la clé étrangère ne sont pas de simples chaînes&#xa0;; elle manque</translation>
    </message>
    <message>
        <location filename="../model/schema/schemareplay.cpp" line="921"/>
        <source>the primary key&apos;s columns are not plain strings; it is missing</source>
        <translation>les colonnes de la clé primaire ne sont pas de simples chaînes&#xa0;; elle manque</translation>
    </message>
    <message>
        <location filename="../model/schema/schemareplay.cpp" line="944"/>
        <source>the check condition is not SQL text; the constraint is compared by name</source>
        <translation>la condition CHECK n&apos;est pas du texte SQL&#xa0;; la contrainte est comparée d&apos;après son nom</translation>
    </message>
    <message>
        <location filename="../model/schema/schemareplay.cpp" line="975"/>
        <source>no constraint &apos;%1&apos; on &apos;%2&apos; at this point of the history</source>
        <translation>aucune contrainte «&#xa0;%1&#xa0;» sur «&#xa0;%2&#xa0;» à ce stade de l&apos;historique</translation>
    </message>
    <message>
        <location filename="../model/schema/sqlalchemytype.cpp" line="62"/>
        <source>the type &apos;%1&apos; is not a SQLAlchemy type Retort can read</source>
        <translation>le type «&#xa0;%1&#xa0;» n&apos;est pas un type SQLAlchemy lisible par Retort</translation>
    </message>
    <message>
        <location filename="../model/schema/sqlalchemytype.cpp" line="74"/>
        <source>the ARRAY type &apos;%1&apos; names no item type</source>
        <translation>le type ARRAY «&#xa0;%1&#xa0;» n&apos;indique aucun type d&apos;élément</translation>
    </message>
    <message>
        <location filename="../model/schema/sqlalchemytype.cpp" line="84"/>
        <source>the type &apos;%1&apos; is not one Retort knows; it is compared by its name</source>
        <translation>le type «&#xa0;%1&#xa0;» est inconnu de Retort&#xa0;; il est comparé d&apos;après son nom</translation>
    </message>
    <message>
        <location filename="../model/schema/sqlalchemytype.cpp" line="179"/>
        <source>the values of the enum &apos;%1&apos; are not written out; it is compared by name</source>
        <translation>les valeurs de l&apos;enum «&#xa0;%1&#xa0;» ne sont pas écrites explicitement&#xa0;; il est comparé d&apos;après son nom</translation>
    </message>
</context>
<context>
    <name>SchemaReport</name>
    <message>
        <location filename="../model/schema/schemareport.cpp" line="31"/>
        <source>(schema)</source>
        <translation>(schéma)</translation>
    </message>
    <message>
        <location filename="../model/schema/schemareport.cpp" line="40"/>
        <source>No differences.</source>
        <translation>Aucune différence.</translation>
    </message>
    <message numerus="yes">
        <location filename="../model/schema/schemareport.cpp" line="41"/>
        <source>%n difference(s).</source>
        <translation>
            <numerusform>%n différence.</numerusform>
            <numerusform>%n différences.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../model/schema/schemareport.cpp" line="48"/>
        <source>Approximate: %n statement(s) of the migrations could not be followed; the expected schema after them may be wrong:</source>
        <translation>
            <numerusform>Approximatif&#xa0;: %n instruction des migrations n&apos;a pas pu être suivie&#xa0;; le schéma attendu après celle-ci peut être erroné&#xa0;:</numerusform>
            <numerusform>Approximatif&#xa0;: %n instructions des migrations n&apos;ont pas pu être suivies&#xa0;; le schéma attendu après celles-ci peut être erroné&#xa0;:</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../model/schema/schemareport.cpp" line="61"/>
        <source>before any revision (empty)</source>
        <translation>avant toute révision (vide)</translation>
    </message>
    <message>
        <location filename="../model/schema/schemareport.cpp" line="67"/>
        <source>%1 compared with the schema the migrations give at %2</source>
        <translation>%1 comparé avec le schéma que donnent les migrations à %2</translation>
    </message>
    <message>
        <location filename="../model/schema/schemareport.cpp" line="74"/>
        <source>schema as migrated</source>
        <translation>schéma issu des migrations</translation>
    </message>
    <message numerus="yes">
        <location filename="../model/schema/schemareport.cpp" line="75"/>
        <source>schema drift: %n difference(s)</source>
        <translation>
            <numerusform>écart de schéma&#xa0;: %n différence</numerusform>
            <numerusform>écart de schéma&#xa0;: %n différences</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../model/schema/schemareport.cpp" line="77"/>
        <source> (approximate)</source>
        <translation> (approximatif)</translation>
    </message>
    <message>
        <location filename="../model/schema/schemareport.cpp" line="84"/>
        <source>The schema of %1 is the one the migrations give at %2.</source>
        <translation>Le schéma de %1 est celui que donnent les migrations à %2.</translation>
    </message>
    <message>
        <location filename="../model/schema/schemareport.cpp" line="86"/>
        <source>The schema of %1 differs from the one the migrations give at %2:</source>
        <translation>Le schéma de %1 diffère de celui que donnent les migrations à %2&#xa0;:</translation>
    </message>
    <message>
        <location filename="../model/schema/schemareport.cpp" line="93"/>
        <source>%1 (at %2) compared with the models of env.py&apos;s target_metadata, by alembic %3 in %4</source>
        <translation>%1 (à %2) comparé avec les modèles de target_metadata dans env.py, par alembic %3 dans %4</translation>
    </message>
    <message>
        <location filename="../model/schema/schemareport.cpp" line="95"/>
        <source>no revision</source>
        <translation>aucune révision</translation>
    </message>
    <message numerus="yes">
        <location filename="../model/schema/schemareport.cpp" line="106"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>… et %n de plus</numerusform>
            <numerusform>… et %n de plus</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../model/schema/schemareport.cpp" line="108"/>
        <source>no schema changes</source>
        <translation>aucune modification du schéma</translation>
    </message>
</context>
<context>
    <name>ScriptDirectory</name>
    <message>
        <location filename="../model/project/scriptdirectory.cpp" line="82"/>
        <source>not a readable folder</source>
        <translation>n&apos;est pas un dossier lisible</translation>
    </message>
    <message>
        <location filename="../model/project/scriptdirectory.cpp" line="115"/>
        <source>%1 is a folder named like a revision file; Retort skips it, alembic stops on it (IsADirectoryError). Rename it.</source>
        <translation>%1 est un dossier nommé comme un fichier de révision&#xa0;; Retort l&apos;ignore, alembic s&apos;arrête dessus (IsADirectoryError). Renommez-le.</translation>
    </message>
    <message>
        <location filename="../model/project/scriptdirectory.cpp" line="118"/>
        <source>%1 is a symbolic link that leads nowhere (or into a loop); Retort skips it, alembic stops on it. Fix or remove the link.</source>
        <translation>%1 est un lien symbolique qui ne mène nulle part (ou qui forme une boucle)&#xa0;; Retort l&apos;ignore, alembic s&apos;arrête dessus. Corrigez ou supprimez le lien.</translation>
    </message>
    <message>
        <location filename="../model/project/scriptdirectory.cpp" line="141"/>
        <source>Cannot list the versions folder %1: %2. Alembic stops here too; give your user read access to it. Nothing is written to a database while it cannot be read.</source>
        <translation>Impossible de lister le dossier des versions %1&#xa0;: %2. Alembic s&apos;arrête également ici&#xa0;; donnez à votre utilisateur un accès en lecture à ce dossier. Rien n&apos;est écrit dans une base de données tant qu&apos;il ne peut pas être lu.</translation>
    </message>
    <message>
        <location filename="../model/project/scriptdirectory.cpp" line="188"/>
        <source>The version location %1 does not exist; alembic skips it too. Remove it from version_locations if it is not meant to hold revisions.</source>
        <translation>L&apos;emplacement de versions %1 n&apos;existe pas&#xa0;; alembic l&apos;ignore aussi. Retirez-le de version_locations s&apos;il n&apos;est pas censé contenir de révisions.</translation>
    </message>
    <message>
        <location filename="../model/project/scriptdirectory.cpp" line="193"/>
        <source>Path doesn&apos;t exist: &apos;%1&apos;. Create the versions folder or set version_locations.</source>
        <translation>Le chemin n&apos;existe pas&#xa0;: «&#xa0;%1&#xa0;». Créez le dossier des versions ou définissez version_locations.</translation>
    </message>
    <message>
        <location filename="../model/project/scriptdirectory.cpp" line="226"/>
        <source>File %1 loaded twice! ignoring. Please ensure version_locations is unique.</source>
        <translation>Fichier %1 chargé deux fois&#xa0;! Ignoré. Assurez-vous que version_locations ne contient pas de doublons.</translation>
    </message>
    <message>
        <location filename="../model/project/scriptdirectory.cpp" line="246"/>
        <source>%1 is compiled Python without its source; Retort reads revisions from source files only. Keep the .py file next to it.</source>
        <translation>%1 est du Python compilé sans sa source&#xa0;; Retort ne lit les révisions que dans les fichiers source. Conservez le fichier .py à côté.</translation>
    </message>
    <message>
        <location filename="../model/project/scriptdirectory.cpp" line="284"/>
        <source>Cannot read %1: %2.</source>
        <translation>Impossible de lire %1&#xa0;: %2.</translation>
    </message>
    <message numerus="yes">
        <location filename="../model/project/scriptdirectory.cpp" line="359"/>
        <source>%1 holds %n revision file(s) that alembic does not read. Add the folder to version_locations, or set recursive_version_locations = true (alembic 1.10 or newer).</source>
        <translation>
            <numerusform>%1 contient %n fichier de révision qu&apos;alembic ne lit pas. Ajoutez le dossier à version_locations, ou définissez recursive_version_locations = true (alembic 1.10 ou ultérieur).</numerusform>
            <numerusform>%1 contient %n fichiers de révision qu&apos;alembic ne lit pas. Ajoutez le dossier à version_locations, ou définissez recursive_version_locations = true (alembic 1.10 ou ultérieur).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../model/project/scriptdirectory.cpp" line="363"/>
        <source>%1 holds %n revision file(s) that alembic does not read. Set recursive_version_locations = true (alembic 1.10 or newer), or set version_locations to the versions folder and this one.</source>
        <translation>
            <numerusform>%1 contient %n fichier de révision qu&apos;alembic ne lit pas. Définissez recursive_version_locations = true (alembic 1.10 ou ultérieur), ou faites pointer version_locations vers le dossier des versions et vers celui-ci.</numerusform>
            <numerusform>%1 contient %n fichiers de révision qu&apos;alembic ne lit pas. Définissez recursive_version_locations = true (alembic 1.10 ou ultérieur), ou faites pointer version_locations vers le dossier des versions et vers celui-ci.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SectionDialog</name>
    <message>
        <location filename="../widgets/sectiondialog.cpp" line="18"/>
        <source>Choose a Configuration</source>
        <translation>Choisir une configuration</translation>
    </message>
    <message>
        <location filename="../widgets/sectiondialog.cpp" line="20"/>
        <source>%1 holds several alembic configurations. Which section should Retort read? (alembic reads the one named with -n, [alembic] without it.)</source>
        <translation>%1 contient plusieurs configurations alembic. Quelle section Retort doit-il lire&#xa0;? (alembic lit celle désignée par -n, ou [alembic] sans cette option.)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../widgets/settingsdialog.cpp" line="38"/>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location filename="../widgets/settingsdialog.cpp" line="57"/>
        <source>Follow the system</source>
        <translation>Comme le système</translation>
    </message>
    <message>
        <location filename="../widgets/settingsdialog.cpp" line="58"/>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <location filename="../widgets/settingsdialog.cpp" line="59"/>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <location filename="../widgets/settingsdialog.cpp" line="76"/>
        <source>Appearance</source>
        <translation>Apparence</translation>
    </message>
    <message>
        <location filename="../widgets/settingsdialog.cpp" line="87"/>
        <source>Automatic: /usr/bin/python3, else python3 on PATH</source>
        <translation>Automatique&#xa0;: /usr/bin/python3, sinon python3 du PATH</translation>
    </message>
    <message>
        <location filename="../widgets/settingsdialog.cpp" line="89"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Parcourir…</translation>
    </message>
    <message>
        <location filename="../widgets/settingsdialog.cpp" line="90"/>
        <source>Browse for the default Python interpreter</source>
        <translation>Choisir l&apos;interpréteur Python par défaut</translation>
    </message>
    <message>
        <location filename="../widgets/settingsdialog.cpp" line="92"/>
        <source>Default Python Interpreter</source>
        <translation>Interpréteur Python par défaut</translation>
    </message>
    <message>
        <location filename="../widgets/settingsdialog.cpp" line="103"/>
        <source>Runs the migrations of projects that have no virtual environment of their own. A project&apos;s own choice (Database ▸ Python Interpreter…) comes first. retort-cli uses it too.</source>
        <translation>Exécute les migrations des projets qui n&apos;ont pas leur propre environnement virtuel. Le choix propre à un projet (Base de données ▸ Interpréteur Python…) passe avant. retort-cli l&apos;utilise aussi.</translation>
    </message>
    <message>
        <location filename="../widgets/settingsdialog.cpp" line="116"/>
        <source>Python</source>
        <translation>Python</translation>
    </message>
    <message>
        <location filename="../widgets/settingsdialog.cpp" line="108"/>
        <source>Default &amp;interpreter:</source>
        <translation>&amp;Interpréteur par défaut&#xa0;:</translation>
    </message>
    <message>
        <location filename="../widgets/settingsdialog.cpp" line="36"/>
        <source>Ask before &amp;removing an environment from the list (protected ones always ask)</source>
        <translation>Demander avant de &amp;retirer un environnement de la liste (les protégés demandent toujours)</translation>
    </message>
    <message>
        <location filename="../widgets/settingsdialog.cpp" line="127"/>
        <source>Protected environments only</source>
        <translation>Environnements protégés seulement</translation>
    </message>
    <message>
        <location filename="../widgets/settingsdialog.cpp" line="128"/>
        <source>Every environment</source>
        <translation>Tous les environnements</translation>
    </message>
    <message>
        <location filename="../widgets/settingsdialog.cpp" line="136"/>
        <source>Stamps, upgrades and downgrades always show their preview first; these add to it.</source>
        <translation>Marquages, mises à niveau et rétrogradations montrent toujours d&apos;abord leur aperçu&#xa0;; ces confirmations s&apos;y ajoutent.</translation>
    </message>
    <message>
        <location filename="../widgets/settingsdialog.cpp" line="142"/>
        <source>Confirmations</source>
        <translation>Confirmations</translation>
    </message>
    <message>
        <location filename="../widgets/settingsdialog.cpp" line="140"/>
        <source>&amp;Type the name before writing to:</source>
        <translation>&amp;Nom à saisir avant d&apos;écrire dans&#xa0;:</translation>
    </message>
    <message>
        <location filename="../widgets/settingsdialog.cpp" line="170"/>
        <source>Asking %1 for alembic…</source>
        <translation>Interrogation de %1 sur alembic…</translation>
    </message>
    <message>
        <location filename="../widgets/settingsdialog.cpp" line="184"/>
        <source>Kept: Python %1 with alembic %2 and SQLAlchemy %3.</source>
        <translation>Conservé&#xa0;: Python %1 avec alembic %2 et SQLAlchemy %3.</translation>
    </message>
    <message>
        <location filename="../widgets/settingsdialog.cpp" line="186"/>
        <source>Not kept: %1</source>
        <translation>Non conservé&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../widgets/settingsdialog.cpp" line="62"/>
        <source>Top to bottom</source>
        <translation>De haut en bas</translation>
    </message>
    <message>
        <location filename="../widgets/settingsdialog.cpp" line="63"/>
        <source>Left to right</source>
        <translation>De gauche à droite</translation>
    </message>
    <message>
        <location filename="../widgets/settingsdialog.cpp" line="78"/>
        <source>&amp;Colour scheme:</source>
        <translation>&amp;Jeu de couleurs :</translation>
    </message>
    <message>
        <location filename="../widgets/settingsdialog.cpp" line="79"/>
        <source>&amp;Graph direction:</source>
        <translation>&amp;Sens du graphe :</translation>
    </message>
    <message>
        <location filename="../widgets/settingsdialog.cpp" line="40"/>
        <source>Changes apply at once and are kept for the next start.</source>
        <translation>Les modifications s&apos;appliquent immédiatement et sont conservées pour le prochain démarrage.</translation>
    </message>
</context>
<context>
    <name>SourceView</name>
    <message>
        <location filename="../widgets/sourceview.cpp" line="161"/>
        <location filename="../widgets/sourceview.cpp" line="168"/>
        <source>Source</source>
        <translation>Code source</translation>
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
        <translation>Sélectionnez une révision pour afficher son code source.</translation>
    </message>
    <message>
        <location filename="../widgets/sourceview.cpp" line="304"/>
        <source>Open in Editor at Line %1</source>
        <translation>Ouvrir dans l&apos;éditeur à la ligne %1</translation>
    </message>
</context>
<context>
    <name>StampDialog</name>
    <message>
        <location filename="../widgets/stampdialog.cpp" line="28"/>
        <source>(no rows)</source>
        <translation>(aucune ligne)</translation>
    </message>
    <message>
        <location filename="../widgets/stampdialog.cpp" line="45"/>
        <source>&amp;Purge: empty the version table first</source>
        <translation>&amp;Purge&#xa0;: vider d&apos;abord la table des versions</translation>
    </message>
    <message>
        <location filename="../widgets/stampdialog.cpp" line="51"/>
        <source>Stamp %1</source>
        <translation>Marquer la version de %1 (stamp)</translation>
    </message>
    <message>
        <location filename="../widgets/stampdialog.cpp" line="59"/>
        <source>SQL of the stamp</source>
        <translation>SQL du marquage</translation>
    </message>
    <message>
        <location filename="../widgets/stampdialog.cpp" line="69"/>
        <source>Environment name to confirm</source>
        <translation>Nom de l&apos;environnement à confirmer</translation>
    </message>
    <message>
        <location filename="../widgets/stampdialog.cpp" line="70"/>
        <source>Type %1 to confirm</source>
        <translation>Saisissez %1 pour confirmer</translation>
    </message>
    <message>
        <location filename="../widgets/stampdialog.cpp" line="74"/>
        <source>&amp;Stamp</source>
        <translation>&amp;Marquer</translation>
    </message>
    <message>
        <location filename="../widgets/stampdialog.cpp" line="82"/>
        <source>A stamp only rewrites the version table: no migration runs.</source>
        <translation>Le marquage (stamp) ne fait que réécrire la table des versions&#xa0;: aucune migration n&apos;est exécutée.</translation>
    </message>
    <message>
        <location filename="../widgets/stampdialog.cpp" line="89"/>
        <source>SQL, in one transaction:</source>
        <translation>SQL, en une seule transaction&#xa0;:</translation>
    </message>
    <message>
        <location filename="../widgets/stampdialog.cpp" line="94"/>
        <source>&lt;b&gt;%1 is protected.&lt;/b&gt; Type its name to stamp it.</source>
        <translation>&lt;b&gt;%1 est protégé.&lt;/b&gt; Saisissez son nom pour marquer sa version.</translation>
    </message>
    <message>
        <location filename="../widgets/stampdialog.cpp" line="95"/>
        <source>Type the name of %1 to stamp it.</source>
        <translation>Saisissez le nom de %1 pour marquer sa version.</translation>
    </message>
    <message>
        <location filename="../widgets/stampdialog.cpp" line="122"/>
        <source>The version table names a revision this project does not have: tick &lt;b&gt;Purge&lt;/b&gt; to empty it first, and the stamp replaces every row.</source>
        <translation>La table des versions désigne une révision absente de ce projet&#xa0;: cochez &lt;b&gt;Purge&lt;/b&gt; pour la vider d&apos;abord&#xa0;; le marquage remplacera alors toutes les lignes.</translation>
    </message>
    <message>
        <location filename="../widgets/stampdialog.cpp" line="124"/>
        <source>&lt;b&gt;Cannot stamp %1:&lt;/b&gt; %2</source>
        <translation>&lt;b&gt;Marquage de %1 impossible&#xa0;:&lt;/b&gt; %2</translation>
    </message>
    <message>
        <location filename="../widgets/stampdialog.cpp" line="132"/>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2 → &lt;b&gt;%3&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;: %2 → &lt;b&gt;%3&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../widgets/stampdialog.cpp" line="143"/>
        <source>-- nothing to write: the rows are already these</source>
        <translation>-- rien à écrire&#xa0;: les lignes sont déjà dans cet état</translation>
    </message>
    <message>
        <location filename="../widgets/stampdialog.cpp" line="152"/>
        <source>Reading the version table of %1 again, so that the preview shows what it holds now…</source>
        <translation>Relecture de la table des versions de %1, afin que l&apos;aperçu montre son contenu actuel…</translation>
    </message>
    <message>
        <location filename="../widgets/stampdialog.cpp" line="165"/>
        <source>The version table changed since the window last read it: this preview shows what it holds now.</source>
        <translation>La table des versions a changé depuis sa dernière lecture par la fenêtre&#xa0;: cet aperçu montre son contenu actuel.</translation>
    </message>
    <message>
        <location filename="../widgets/stampdialog.cpp" line="177"/>
        <source>The version table could not be read again, so nothing can be stamped: %1</source>
        <translation>Impossible de relire la table des versions, rien ne peut donc être marqué&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>UserGuideDialog</name>
    <message>
        <location filename="../widgets/userguidedialog.cpp" line="40"/>
        <source>Retort User Guide</source>
        <translation>Guide de l&apos;utilisateur de Retort</translation>
    </message>
    <message>
        <location filename="../widgets/userguidedialog.cpp" line="43"/>
        <source>User guide</source>
        <translation>Guide de l&apos;utilisateur</translation>
    </message>
    <message>
        <location filename="../widgets/userguidedialog.cpp" line="49"/>
        <source>The user guide is missing from this build.</source>
        <translation>Le guide de l&apos;utilisateur est absent de cette compilation.</translation>
    </message>
</context>
<context>
    <name>VersionTable</name>
    <message>
        <location filename="../model/database/versiontable.cpp" line="33"/>
        <source>Retort cannot use the Qt database driver %1; it works with SQLite, PostgreSQL and MySQL/MariaDB.</source>
        <translation>Retort ne peut pas utiliser le pilote de base de données Qt %1&#xa0;; il fonctionne avec SQLite, PostgreSQL et MySQL/MariaDB.</translation>
    </message>
    <message>
        <location filename="../model/database/versiontable.cpp" line="50"/>
        <source>the database is locked by another process that is writing to it (SQLite: %1); Retort waited for it to finish. Try again when that process (a migration, another tool) is done.</source>
        <translation>la base de données est verrouillée par un autre processus qui y écrit (SQLite&#xa0;: %1)&#xa0;; Retort a attendu qu&apos;il termine. Réessayez lorsque ce processus (une migration, un autre outil) sera terminé.</translation>
    </message>
    <message>
        <location filename="../model/database/versiontable.cpp" line="55"/>
        <source>the version table is locked by another session (%1), for example a migration that is running; Retort stopped waiting. Try again when it has finished.</source>
        <translation>la table des versions est verrouillée par une autre session (%1), par exemple une migration en cours&#xa0;; Retort a cessé d&apos;attendre. Réessayez lorsqu&apos;elle sera terminée.</translation>
    </message>
    <message>
        <location filename="../model/database/versiontable.cpp" line="110"/>
        <source>Cannot read the version table %1: %2</source>
        <translation>Impossible de lire la table des versions %1&#xa0;: %2</translation>
    </message>
    <message>
        <location filename="../model/database/versiontable.cpp" line="128"/>
        <source>no rows</source>
        <translation>aucune ligne</translation>
    </message>
    <message>
        <location filename="../model/database/versiontable.cpp" line="201"/>
        <source>Online migration expected to match one row when %1; %2 found</source>
        <translation>La migration en ligne devait correspondre à une seule ligne lors de %1&#xa0;; lignes trouvées&#xa0;: %2</translation>
    </message>
    <message>
        <location filename="../model/database/versiontable.cpp" line="222"/>
        <source>The version table name &apos;%1&apos; is not a plain SQL name (letters, digits, _ and $, at most 63, not starting with a digit); Retort does not use it.</source>
        <translation>Le nom de la table des versions «&#xa0;%1&#xa0;» n&apos;est pas un nom SQL simple (lettres, chiffres, _ et $, 63 caractères au plus, sans chiffre au début)&#xa0;; Retort ne l&apos;utilise pas.</translation>
    </message>
    <message>
        <location filename="../model/database/versiontable.cpp" line="227"/>
        <source>The version table schema &apos;%1&apos; is not a plain SQL name (letters, digits, _ and $, at most 63, not starting with a digit); Retort does not use it.</source>
        <translation>Le schéma de la table des versions «&#xa0;%1&#xa0;» n&apos;est pas un nom SQL simple (lettres, chiffres, _ et $, 63 caractères au plus, sans chiffre au début)&#xa0;; Retort ne l&apos;utilise pas.</translation>
    </message>
    <message>
        <location filename="../model/database/versiontable.cpp" line="253"/>
        <source>Cannot look for the version table %1: %2</source>
        <translation>Impossible de rechercher la table des versions %1&#xa0;: %2</translation>
    </message>
    <message>
        <location filename="../model/database/versiontable.cpp" line="299"/>
        <source>Cannot stamp the version table %1: %2 Nothing was written.</source>
        <translation>Impossible de marquer (stamp) la table des versions %1&#xa0;: %2 Rien n&apos;a été écrit.</translation>
    </message>
    <message>
        <location filename="../model/database/versiontable.cpp" line="333"/>
        <source>The version table %1 changed since the preview: it holds %2 now, not %3. Someone may have migrated this database; look at it again before stamping. Nothing was written.</source>
        <translation>La table des versions %1 a changé depuis l&apos;aperçu&#xa0;: elle contient désormais %2, et non %3. Quelqu&apos;un a peut-être migré cette base de données&#xa0;; examinez-la de nouveau avant de marquer sa version. Rien n&apos;a été écrit.</translation>
    </message>
    <message>
        <location filename="../model/database/versiontable.cpp" line="351"/>
        <source>deleting &apos;%1&apos; in &apos;%2&apos;</source>
        <translation>la suppression de «&#xa0;%1&#xa0;» dans «&#xa0;%2&#xa0;»</translation>
    </message>
    <message>
        <location filename="../model/database/versiontable.cpp" line="355"/>
        <source>updating &apos;%1&apos; to &apos;%2&apos; in &apos;%3&apos;</source>
        <translation>la mise à jour de «&#xa0;%1&#xa0;» en «&#xa0;%2&#xa0;» dans «&#xa0;%3&#xa0;»</translation>
    </message>
    <message>
        <location filename="../model/database/versiontable.cpp" line="367"/>
        <source>the rows would be %1 instead of the planned %2.</source>
        <translation>les lignes seraient %1, et non %2 comme prévu.</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../widgets/welcomepage.cpp" line="17"/>
        <source>Open the Sample Project</source>
        <translation>Ouvrir le projet d&apos;exemple</translation>
    </message>
    <message>
        <location filename="../widgets/welcomepage.cpp" line="18"/>
        <source>A shop history with branches, a merge, branch labels and a depends_on, with an SQLite database next to it.</source>
        <translation>Un historique de boutique en ligne avec des branches, une fusion, des étiquettes de branche et un depends_on, accompagné d&apos;une base de données SQLite.</translation>
    </message>
    <message>
        <location filename="../widgets/welcomepage.cpp" line="28"/>
        <source>Welcome to Retort</source>
        <translation>Bienvenue dans Retort</translation>
    </message>
    <message>
        <location filename="../widgets/welcomepage.cpp" line="33"/>
        <source>See every branch, merge and dependency of an Alembic migration history. Open an alembic.ini, a pyproject.toml or a migrations folder, or drop one onto this window.</source>
        <translation>Visualisez chaque branche, fusion et dépendance d&apos;un historique de migrations Alembic. Ouvrez un alembic.ini, un pyproject.toml ou un dossier de migrations, ou déposez-le sur cette fenêtre.</translation>
    </message>
    <message>
        <location filename="../widgets/welcomepage.cpp" line="39"/>
        <source>Open a Project…</source>
        <translation>Ouvrir un projet…</translation>
    </message>
    <message>
        <location filename="../widgets/welcomepage.cpp" line="39"/>
        <source>Choose an alembic.ini, a pyproject.toml or one of the project&apos;s revision files.</source>
        <translation>Choisissez un alembic.ini, un pyproject.toml ou l&apos;un des fichiers de révision du projet.</translation>
    </message>
    <message>
        <location filename="../widgets/welcomepage.cpp" line="43"/>
        <source>Open a Folder…</source>
        <translation>Ouvrir un dossier…</translation>
    </message>
    <message>
        <location filename="../widgets/welcomepage.cpp" line="43"/>
        <source>Choose a project folder, a migrations folder (with env.py) or a versions folder.</source>
        <translation>Choisissez un dossier de projet, un dossier de migrations (avec env.py) ou un dossier de versions.</translation>
    </message>
    <message>
        <location filename="../widgets/welcomepage.cpp" line="97"/>
        <source>%1 [%2]</source>
        <translation>%1 [%2]</translation>
    </message>
    <message>
        <location filename="../widgets/welcomepage.cpp" line="53"/>
        <source>Recent projects</source>
        <translation>Projets récents</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/gui/main.cpp" line="87"/>
        <source>A desktop studio for Alembic migration histories.</source>
        <translation>Un studio de bureau pour les historiques de migrations Alembic.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="90"/>
        <source>Open the bundled sample project.</source>
        <translation>Ouvrir le projet d&apos;exemple fourni.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="91"/>
        <source>Save a picture of the window to FILE and quit.</source>
        <translation>Enregistrer une image de la fenêtre dans FICHIER et quitter.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="92"/>
        <source>FILE</source>
        <translation>FICHIER</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="93"/>
        <source>Use a dark palette (e.g. for screenshots).</source>
        <translation>Utiliser une palette sombre (p. ex. pour des captures d&apos;écran).</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="94"/>
        <source>Open the window at WIDTHxHEIGHT pixels (e.g. 1920x1080).</source>
        <translation>Ouvrir la fenêtre en LARGEURxHAUTEUR pixels (p. ex. 1920x1080).</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="95"/>
        <source>WIDTHxHEIGHT</source>
        <translation>LARGEURxHAUTEUR</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="98"/>
        <source>The section of the ini file to read, as alembic -n names it (asked for when there are several).</source>
        <translation>La section du fichier ini à lire, telle que la désigne alembic -n (demandée s&apos;il y en a plusieurs).</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="99"/>
        <source>NAME</source>
        <translation>NOM</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="105"/>
        <source>An alembic.ini, a pyproject.toml or a folder.</source>
        <translation>Un alembic.ini, un pyproject.toml ou un dossier.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="105"/>
        <source>[PATH]</source>
        <translation>[CHEMIN]</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="120"/>
        <source>--size takes WIDTHxHEIGHT, e.g. 1280x800.</source>
        <translation>--size attend LARGEURxHAUTEUR, p. ex. 1280x800.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="134"/>
        <source>Cannot write %1</source>
        <translation>Impossible d&apos;écrire %1</translation>
    </message>
</context>
</TS>
