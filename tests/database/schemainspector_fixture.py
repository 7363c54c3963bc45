# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Retort authors
"""The schema tst_schemainspector inspects, made by real SQLAlchemy, and SQLAlchemy's own view of it.

    schemainspector_fixture.py create URL [OTHER_SCHEMA]
        MetaData.create_all() of the tables below (OTHER_SCHEMA: PostgreSQL's second schema), a view
        and an alembic_version table with one row.
    schemainspector_fixture.py inspect URL [SCHEMA...]
        sqlalchemy.inspect() of the default schema and each SCHEMA, as JSON on stdout: tables with
        their columns (type compiled for the dialect), primary key, foreign keys, indexes, unique and
        check constraints; views; PostgreSQL enums.
"""
import json
import sys
import warnings

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql


def metadata(dialect, other_schema):
    pg = dialect == "postgresql"
    md = sa.MetaData()
    parent_columns = [
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(50), nullable=False, server_default="anon"),
        sa.Column("code", sa.String(10), nullable=False),
        sa.Column("price", sa.Numeric(10, 2), server_default=sa.text("0")),
        sa.Column("ratio", sa.Float),
        sa.Column("active", sa.Boolean, nullable=False, server_default=sa.true()),
        sa.Column("created", sa.DateTime, server_default=sa.func.current_timestamp()),
        sa.Column("born", sa.Date),
        sa.Column("at", sa.Time),
        sa.Column("notes", sa.Text),
        sa.Column("data", sa.LargeBinary),
        sa.Column("big", sa.BigInteger),
        sa.Column("small", sa.SmallInteger),
        sa.Column("mood", sa.Enum("happy", "sad", "it's", name="si_mood")),
        sa.Column("doc", sa.JSON),
        sa.Column("initials", sa.CHAR(3)),
        sa.UniqueConstraint("code", name="uq_si_parent_code"),
        sa.CheckConstraint("price >= 0", name="ck_si_parent_price"),
    ]
    if pg:
        parent_columns += [
            sa.Column("tags", postgresql.ARRAY(sa.Integer)),
            sa.Column("uid", postgresql.UUID),
            sa.Column("span", sa.Interval),
            sa.Column("stamp_tz", sa.DateTime(timezone=True)),
            sa.Column("body", postgresql.JSONB),
            sa.Column("real_value", sa.REAL),
            sa.Column("bytes", postgresql.BYTEA),
        ]
    parent = sa.Table("si_parent", md, *parent_columns)
    if dialect in ("postgresql", "sqlite"):
        sa.Index("ix_si_parent_lower_name", sa.func.lower(parent.c.name))
    sa.Index("ix_si_parent_name_created", parent.c.name, parent.c.created)

    child = sa.Table(
        "si_child",
        md,
        sa.Column(
            "parent_id",
            sa.Integer,
            sa.ForeignKey("si_parent.id", ondelete="CASCADE", name="fk_si_child_parent"),
            primary_key=True,
        ),
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("label", sa.String(20)),
        sa.Column("a", sa.Integer),
        sa.Column("b", sa.Integer, nullable=False),
        sa.UniqueConstraint("a", "b"),
        sa.Index("ix_si_child_label", "label"),
        sa.Index("ix_si_child_b_label", "b", "label", unique=True),
    )
    if dialect in ("postgresql", "sqlite"):
        sa.Index(
            "ix_si_child_partial",
            child.c.a,
            postgresql_where=child.c.a > 10,
            sqlite_where=child.c.a > 10,
        )

    sa.Table(
        "si_grandchild",
        md,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("parent_id", sa.Integer, nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("owner_id", sa.Integer, sa.ForeignKey("si_parent.id", ondelete="SET NULL", onupdate="CASCADE")),
        sa.ForeignKeyConstraint(["parent_id", "seq"], ["si_child.parent_id", "si_child.seq"], ondelete="CASCADE"),
    )

    sa.Table(
        "SiMixed",
        md,
        sa.Column("Id", sa.Integer, primary_key=True),
        sa.Column("Display Name", sa.String(30), unique=True),
        sa.Column("order", sa.Integer, nullable=False, server_default="5"),
    )

    if pg:
        sa.Table("si_ident", md, sa.Column("id", sa.BigInteger, sa.Identity(), primary_key=True))
        sa.Table(
            "si_remote",
            md,
            sa.Column("id", sa.Integer, primary_key=True),
            sa.Column("parent_id", sa.Integer, sa.ForeignKey("si_parent.id")),
            schema=other_schema,
        )
        sa.Table(
            "si_remote_child",
            md,
            sa.Column("remote_id", sa.Integer, sa.ForeignKey(other_schema + ".si_remote.id"), primary_key=True),
            schema=other_schema,
        )

    sa.Table("alembic_version", md, sa.Column("version_num", sa.String(32), primary_key=True))
    return md


def create(url, other_schema):
    engine = sa.create_engine(url)
    md = metadata(engine.dialect.name, other_schema)
    with engine.begin() as connection:
        md.create_all(connection)
        connection.execute(sa.text("CREATE VIEW si_view AS SELECT id, name FROM si_parent"))
        connection.execute(sa.text("INSERT INTO alembic_version (version_num) VALUES ('abc123')"))


def type_ddl(column, dialect):
    try:
        return column["type"].compile(dialect=dialect)
    except Exception:  # NullType and other types SQLAlchemy cannot compile back
        return None


def autoincrement(column):
    value = column.get("autoincrement")
    return value if isinstance(value, bool) else None


def try_call(function, *args, **kw):
    try:
        return function(*args, **kw)
    except NotImplementedError:
        return None


def inspect(url, schemas):
    engine = sa.create_engine(url)
    insp = sa.inspect(engine)
    dialect = engine.dialect
    out = {"default_schema": insp.default_schema_name, "tables": [], "views": [], "enums": []}
    for schema in [None] + schemas:
        for table in insp.get_table_names(schema=schema):
            columns = []
            for column in insp.get_columns(table, schema=schema):
                columns.append(
                    {
                        "name": column["name"],
                        "nullable": bool(column["nullable"]),
                        "type": type_ddl(column, dialect),
                        "autoincrement": autoincrement(column),
                        "default": column.get("default"),
                    }
                )
            pk = insp.get_pk_constraint(table, schema=schema)
            fks = [
                {
                    "name": fk.get("name"),
                    "columns": fk["constrained_columns"],
                    "referred_schema": fk.get("referred_schema"),
                    "referred_table": fk["referred_table"],
                    "referred_columns": fk["referred_columns"],
                    "ondelete": (fk.get("options") or {}).get("ondelete"),
                    "onupdate": (fk.get("options") or {}).get("onupdate"),
                }
                for fk in insp.get_foreign_keys(table, schema=schema)
            ]
            indexes = [
                {
                    "name": index["name"],
                    "columns": index["column_names"],
                    "unique": bool(index["unique"]),
                    "duplicates_constraint": index.get("duplicates_constraint"),
                }
                for index in insp.get_indexes(table, schema=schema)
            ]
            uniques = [
                {"name": unique.get("name"), "columns": unique["column_names"]}
                for unique in insp.get_unique_constraints(table, schema=schema)
            ]
            checks = try_call(insp.get_check_constraints, table, schema=schema)
            out["tables"].append(
                {
                    "schema": schema,
                    "name": table,
                    "columns": columns,
                    "pk": {"name": pk.get("name"), "columns": pk.get("constrained_columns") or []},
                    "fks": fks,
                    "indexes": indexes,
                    "uniques": uniques,
                    "checks": None if checks is None else [{"name": c.get("name")} for c in checks],
                }
            )
        out["views"] += [{"schema": schema, "name": view} for view in insp.get_view_names(schema=schema)]
        if dialect.name == "postgresql":
            out["enums"] += [
                {"schema": schema, "name": e["name"], "labels": e["labels"]}
                for e in insp.get_enums(schema=schema if schema else insp.default_schema_name)
            ]
    json.dump(out, sys.stdout)


def main():
    # SQLAlchemy 1.4 warns about the expression index it skips; that is expected here.
    warnings.simplefilter("ignore")
    command, url = sys.argv[1], sys.argv[2]
    if command == "create":
        create(url, sys.argv[3] if len(sys.argv) > 3 else None)
    elif command == "inspect":
        inspect(url, sys.argv[3:])
    else:
        sys.exit("unknown command " + command)


if __name__ == "__main__":
    main()
