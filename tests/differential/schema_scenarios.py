#!/usr/bin/python3
"""Builds one Alembic project per database with real autogenerate, upgrades a real database through
it revision by revision, and asks retort-cli at every step what it sees.

Run as::

    /usr/bin/python3 schema_scenarios.py WORKDIR RETORT_CLI DIALECT URL > report.json

DIALECT is sqlite, postgresql or mysql; URL the (empty or emptied) database to use. The models
evolve through MODEL_VERSIONS; after each version, ``alembic upgrade head`` then ``alembic revision
--autogenerate`` write the migration, exactly as a team would. Hand-written revisions follow: renames
(batch mode on SQLite), a branch with a merge, an enum made by hand, a data migration, and an
``op.execute`` that creates a table Retort cannot see in the migration text.

Then the database is emptied and upgraded one target at a time; at each one the report holds the
version rows, ``retort-cli diff --json`` (against the stamped rows) and ``retort-cli match --json``.

Last, the database is changed by hand (an index dropped, a column added, a type changed) and
``drift`` holds what ``retort-cli diff`` says then.

Report: ``{"revisions": {name: id}, "checks": [{"target", "rows", "expect", "diff", "diff_exit",
"match"}], "drift": {"diff", "diff_exit"}, "error": str|null}``; ``expect`` is "same" or
"approximate" (after the op.execute).
"""

import json
import os
import subprocess
import sys
import traceback

sys.dont_write_bytecode = True

import sqlalchemy as sa  # noqa: E402
from alembic import command  # noqa: E402
from alembic.config import Config  # noqa: E402

HEADER = """import sqlalchemy as sa

metadata = sa.MetaData()
"""

# Each version is the whole models module after a change a developer would make.
MODEL_VERSIONS = [
    # 1: a first table
    """
users = sa.Table(
    "users", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("email", sa.String(120), nullable=False, unique=True),
    sa.Column("name", sa.String(50), index=True),
    sa.Column("created_at", sa.DateTime, server_default=sa.func.now()),
)
""",
    # 2: a child table with a cascading foreign key, and a new column
    """
users = sa.Table(
    "users", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("email", sa.String(120), nullable=False, unique=True),
    sa.Column("name", sa.String(50), index=True),
    sa.Column("created_at", sa.DateTime, server_default=sa.func.now()),
    sa.Column("active", sa.Boolean, nullable=True),
)
posts = sa.Table(
    "posts", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    sa.Column("title", sa.String(200), nullable=False),
    sa.Column("body", sa.Text),
    sa.Column("published", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("score", sa.Numeric(10, 2)),
)
""",
    # 3: a longer column, a composite index, a named unique constraint
    """
users = sa.Table(
    "users", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("email", sa.String(120), nullable=False, unique=True),
    sa.Column("name", sa.String(80), index=True),
    sa.Column("created_at", sa.DateTime, server_default=sa.func.now()),
    sa.Column("active", sa.Boolean, nullable=True),
)
posts = sa.Table(
    "posts", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    sa.Column("title", sa.String(200), nullable=False),
    sa.Column("body", sa.Text),
    sa.Column("published", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("score", sa.Numeric(10, 2)),
    sa.Column("slug", sa.String(100), nullable=True),
    sa.Index("ix_posts_user_title", "user_id", "title"),
    sa.UniqueConstraint("slug", name="uq_posts_slug"),
)
""",
    # 4: a many-to-many table with a composite primary key, a table with an enum; a column dropped
    """
users = sa.Table(
    "users", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("email", sa.String(120), nullable=False, unique=True),
    sa.Column("name", sa.String(80), index=True),
    sa.Column("created_at", sa.DateTime, server_default=sa.func.now()),
)
posts = sa.Table(
    "posts", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    sa.Column("title", sa.String(200), nullable=False),
    sa.Column("body", sa.Text),
    sa.Column("published", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("score", sa.Numeric(10, 2)),
    sa.Column("slug", sa.String(100), nullable=True),
    sa.Index("ix_posts_user_title", "user_id", "title"),
    sa.UniqueConstraint("slug", name="uq_posts_slug"),
)
tags = sa.Table(
    "tags", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("name", sa.String(30), nullable=False, unique=True),
    sa.Column("mood", sa.Enum("happy", "sad", name="mood"), nullable=True),
)
post_tags = sa.Table(
    "post_tags", metadata,
    sa.Column("post_id", sa.Integer, sa.ForeignKey("posts.id"), primary_key=True),
    sa.Column("tag_id", sa.Integer, sa.ForeignKey("tags.id"), primary_key=True),
)
""",
    # 5: many types, a check constraint, a big integer key
    """
users = sa.Table(
    "users", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("email", sa.String(120), nullable=False, unique=True),
    sa.Column("name", sa.String(80), index=True),
    sa.Column("created_at", sa.DateTime, server_default=sa.func.now()),
)
posts = sa.Table(
    "posts", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    sa.Column("title", sa.String(200), nullable=False),
    sa.Column("body", sa.Text),
    sa.Column("published", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("score", sa.Numeric(10, 2)),
    sa.Column("slug", sa.String(100), nullable=True),
    sa.Index("ix_posts_user_title", "user_id", "title"),
    sa.UniqueConstraint("slug", name="uq_posts_slug"),
)
tags = sa.Table(
    "tags", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("name", sa.String(30), nullable=False, unique=True),
    sa.Column("mood", sa.Enum("happy", "sad", name="mood"), nullable=True),
)
post_tags = sa.Table(
    "post_tags", metadata,
    sa.Column("post_id", sa.Integer, sa.ForeignKey("posts.id"), primary_key=True),
    sa.Column("tag_id", sa.Integer, sa.ForeignKey("tags.id"), primary_key=True),
)
measurements = sa.Table(
    "measurements", metadata,
    sa.Column("id", sa.BigInteger, primary_key=True),
    sa.Column("value", sa.Float, nullable=False),
    sa.Column("taken_on", sa.Date),
    sa.Column("taken_at", sa.Time),
    sa.Column("raw", sa.LargeBinary),
    sa.Column("small", sa.SmallInteger, server_default=sa.text("0")),
    sa.Column("label", sa.Unicode(40), server_default="none"),
    sa.Column("code", sa.CHAR(3)),
    sa.Column("payload", sa.JSON),
    sa.CheckConstraint("small >= 0", name="ck_measurements_small"),
)
""",
]

# Hand-written revisions: (name, down revision names, body per dialect or for all). "{sqlite}" bodies
# use batch mode where SQLite cannot ALTER.
HANDWRITTEN = [
    ("rename", ["auto5"], {
        "sqlite": """
    op.rename_table('tags', 'labels')
    with op.batch_alter_table('users') as batch_op:
        batch_op.alter_column('name', new_column_name='full_name', existing_type=sa.String(80))
        batch_op.add_column(sa.Column('nickname', sa.String(length=20), nullable=True))
""",
        "default": """
    op.rename_table('tags', 'labels')
    op.alter_column('users', 'name', new_column_name='full_name', existing_type=sa.String(80),
                    existing_nullable=True)
    op.add_column('users', sa.Column('nickname', sa.String(length=20), nullable=True))
""",
    }),
    ("branch_a", ["rename"], {
        "default": """
    op.create_table(
        'audit',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('what', sa.String(length=100), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(['user_id'], ['users.id'], name='fk_audit_user'),
        sa.PrimaryKeyConstraint('id'),
    )
""",
    }),
    ("branch_b", ["rename"], {
        "sqlite": """
    with op.batch_alter_table('posts') as batch_op:
        batch_op.alter_column('body', existing_type=sa.Text(), nullable=False)
        batch_op.drop_index('ix_posts_user_title')
        batch_op.create_index('ix_posts_title', ['title'], unique=False)
""",
        "default": """
    op.alter_column('posts', 'body', existing_type=sa.Text(), nullable=False)
    op.drop_index('ix_users_name', table_name='users')
    op.create_index('ix_posts_title', 'posts', ['title'], unique=False)
""",
    }),
    ("merge", ["branch_a", "branch_b"], {
        "default": """
    op.create_index(op.f('ix_audit_what'), 'audit', ['what'], unique=True)
""",
    }),
    ("data", ["merge"], {
        "default": """
    users = sa.table('users', sa.column('email', sa.String))
    op.bulk_insert(users, [{'email': 'first@example.org'}])
""",
    }),
    ("hand_enum", ["data"], {
        "postgresql": """
    status = postgresql.ENUM('draft', 'live', name='status')
    status.create(op.get_bind())
    op.add_column('posts', sa.Column('status', postgresql.ENUM('draft', 'live', name='status', create_type=False),
                                     nullable=True))
""",
        "sqlite": """
    with op.batch_alter_table('posts') as batch_op:
        batch_op.add_column(sa.Column('status', sa.Enum('draft', 'live', name='status'), nullable=True))
        batch_op.create_unique_constraint('uq_posts_title_status', ['title', 'status'])
""",
        "default": """
    op.add_column('posts', sa.Column('status', sa.Enum('draft', 'live', name='status'), nullable=True))
    op.create_unique_constraint('uq_posts_title_status', 'posts', ['title', 'status'])
    op.create_foreign_key('fk_posts_editor', 'posts', 'users', ['user_id'], ['id'], onupdate='CASCADE')
""",
    }),
    ("sneaky", ["hand_enum"], {
        "default": """
    op.execute("CREATE TABLE sneaky (id INTEGER PRIMARY KEY)")
""",
    }),
    ("after_sneaky", ["sneaky"], {
        "default": """
    op.add_column('labels', sa.Column('colour', sa.String(length=7), nullable=True))
""",
    }),
]

REVISION_TEMPLATE = '''"""{name}

Revision ID: {rev}
Revises: {down_text}
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = {rev!r}
down_revision = {down!r}
branch_labels = None
depends_on = None


def upgrade():
{body}

def downgrade():
    pass
'''

ENV_IMPORT = """import os as _os
import sys as _sys
_sys.path.insert(0, _os.path.join(_os.path.dirname(__file__), ".."))
_sys.modules.pop("models", None)
import models
target_metadata = models.metadata
"""


def make_project(workdir, dialect, url):
    ini = os.path.join(workdir, "alembic.ini")
    location = os.path.join(workdir, "migrations")
    command.init(Config(ini), location)
    with open(ini) as f:
        lines = [line for line in f.read().splitlines() if not line.startswith("version_path_separator")]
    with open(ini, "w") as f:
        f.write("\n".join(lines) + "\n")
    env_py = os.path.join(location, "env.py")
    with open(env_py) as f:
        env = f.read()
    env = env.replace("target_metadata = None", ENV_IMPORT)
    options = ", compare_type=True, compare_server_default=True"
    if dialect == "sqlite":
        options += ", render_as_batch=True"
    env = env.replace("target_metadata=target_metadata", "target_metadata=target_metadata" + options)
    with open(env_py, "w") as f:
        f.write(env)
    config = Config(ini)
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config, location


def empty_database(url):
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        if engine.dialect.name == "mysql":
            conn.execute(sa.text("SET FOREIGN_KEY_CHECKS=0"))
        meta = sa.MetaData()
        meta.reflect(conn)
        for view in sa.inspect(conn).get_view_names():
            conn.execute(sa.text("DROP VIEW IF EXISTS %s" % view))
        meta.drop_all(conn)
        if engine.dialect.name == "postgresql":
            for (name,) in conn.execute(sa.text(
                    "SELECT t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace "
                    "WHERE t.typtype = 'e' AND n.nspname = current_schema()")):
                conn.execute(sa.text('DROP TYPE IF EXISTS "%s"' % name))
        if engine.dialect.name == "mysql":
            conn.execute(sa.text("SET FOREIGN_KEY_CHECKS=1"))
    engine.dispose()


def version_rows(url):
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            if not sa.inspect(conn).has_table("alembic_version"):
                return []
            return sorted(r[0] for r in conn.execute(sa.text("SELECT version_num FROM alembic_version")))
    finally:
        engine.dispose()


def retort(cli, ini, url, *args):
    env = dict(os.environ, RETORT_SCHEMA_URL=url)
    done = subprocess.run([cli, "-c", ini] + list(args) + ["--url-env", "RETORT_SCHEMA_URL", "--json"],
                          capture_output=True, text=True, env=env, timeout=300)
    try:
        answer = json.loads(done.stdout) if done.stdout.strip() else None
    except ValueError:
        answer = None
    return answer, done.returncode, done.stderr


def main():
    workdir, cli, dialect, url = sys.argv[1:5]
    # alembic's commands print to stdout; the report alone goes there.
    report_stream, sys.stdout = sys.stdout, sys.stderr
    report = {"revisions": {}, "checks": [], "error": None}
    try:
        empty_database(url)
        config, location = make_project(workdir, dialect, url)
        ini = config.config_file_name
        names = {}
        order = []
        for number, models in enumerate(MODEL_VERSIONS, start=1):
            with open(os.path.join(workdir, "models.py"), "w") as f:
                f.write(HEADER + models)
            command.upgrade(config, "head")
            script = command.revision(config, message="auto%d" % number, autogenerate=True,
                                      rev_id="auto%d" % number)
            names["auto%d" % number] = script.revision
            order.append("auto%d" % number)
        versions = os.path.join(location, "versions")
        for name, downs, bodies in HANDWRITTEN:
            body = bodies.get(dialect, bodies["default"])
            down = tuple(names[d] for d in downs)
            with open(os.path.join(versions, "%s.py" % name), "w") as f:
                f.write(REVISION_TEMPLATE.format(name=name, rev=name, down=down[0] if len(down) == 1 else down,
                                                 down_text=", ".join(down), body=body))
            names[name] = name
            order.append(name)
        report["revisions"] = names
        empty_database(url)
        approximate = False
        for name in order:
            command.upgrade(config, names[name])
            approximate = approximate or name == "sneaky"
            diff, diff_exit, diff_err = retort(cli, ini, url, "diff")
            match, _, match_err = retort(cli, ini, url, "match")
            report["checks"].append({"target": name, "rows": version_rows(url),
                                     "expect": "approximate" if approximate else "same",
                                     "diff": diff, "diff_exit": diff_exit, "diff_stderr": diff_err,
                                     "match": match, "match_stderr": match_err})
        # Hot fixes by hand: what `diff` must report, and only that.
        engine = sa.create_engine(url)
        with engine.begin() as conn:
            conn.execute(sa.text("DROP TABLE sneaky"))
            conn.execute(sa.text("DROP INDEX ix_posts_title" + ("" if dialect != "mysql" else " ON posts")))
            conn.execute(sa.text("ALTER TABLE users ADD COLUMN hotfix INTEGER"))
            if dialect == "postgresql":
                conn.execute(sa.text("ALTER TABLE labels ALTER COLUMN colour TYPE VARCHAR(9)"))
            elif dialect == "mysql":
                conn.execute(sa.text("ALTER TABLE labels MODIFY colour VARCHAR(9)"))
        engine.dispose()
        drift, drift_exit, drift_err = retort(cli, ini, url, "diff")
        report["drift"] = {"diff": drift, "diff_exit": drift_exit, "diff_stderr": drift_err}
        empty_database(url)
    except Exception:
        report["error"] = traceback.format_exc()
    json.dump(report, report_stream, indent=1, sort_keys=True)


if __name__ == "__main__":
    main()
