"""backfill order totals

Revision ID: b476ff785737
Revises: 9ccc6cd9d6d2
Create Date: 2023-04-12 14:21:09.302276

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "b476ff785737"
down_revision = "9ccc6cd9d6d2"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Orders created before the checkout rewrite have no total; compute it from their items.
    op.execute(
        """
        UPDATE orders
        SET total = (
            SELECT COALESCE(SUM(order_items.quantity * order_items.unit_price), 0)
            FROM order_items
            WHERE order_items.order_id = orders.id
        )
        WHERE total IS NULL
        """
    )


def downgrade() -> None:
    # The computed totals are correct data; there is nothing to undo.
    pass
