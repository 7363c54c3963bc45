"""merge payments and inventory

Revision ID: 9ccc6cd9d6d2
Revises: 38fc413a5082, 453f88aa699f
Create Date: 2023-04-03 10:00:27.735519

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "9ccc6cd9d6d2"
down_revision = ("38fc413a5082", "453f88aa699f")
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
