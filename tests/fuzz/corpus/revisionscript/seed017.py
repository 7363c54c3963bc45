"""add actor to audit events

Revision ID: b913b844acd8
Revises: d97482d6280d
Create Date: 2023-09-04 14:17:26.431978

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = "b913b844acd8"
down_revision: Union[str, None] = "d97482d6280d"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.add_column("audit_events", sa.Column("actor_kind", sa.String(length=16), nullable=True))
    op.add_column("audit_events", sa.Column("actor_id", sa.Integer(), nullable=True))
    op.execute("UPDATE audit_events SET actor_kind = 'system' WHERE actor_kind IS NULL")


def downgrade() -> None:
    op.drop_column("audit_events", "actor_id")
    op.drop_column("audit_events", "actor_kind")
