"""index audit events by time

Revision ID: d97482d6280d
Revises: ef26db01ed67
Create Date: 2023-06-26 09:58:03.215590

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "d97482d6280d"
down_revision = "ef26db01ed67"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_audit_events_occurred_at",
        "audit_events",
        ["occurred_at"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index("ix_audit_events_occurred_at", table_name="audit_events")
