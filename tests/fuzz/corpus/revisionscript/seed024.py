"""pay with gift cards

Revision ID: f8eba117c5dd
Revises: 17468fe7ff21
Create Date: 2023-06-09 15:12:44.981266

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = "f8eba117c5dd"
down_revision: Union[str, None] = "17468fe7ff21"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table("payments") as batch_op:
        batch_op.add_column(sa.Column("gift_card_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key("fk_payments_gift_card_id_gift_cards", "gift_cards", ["gift_card_id"], ["id"])
        batch_op.alter_column("provider", existing_type=sa.String(length=40), nullable=True)


def downgrade() -> None:
    op.execute("UPDATE payments SET provider = 'gift_card' WHERE provider IS NULL")
    with op.batch_alter_table("payments") as batch_op:
        batch_op.alter_column("provider", existing_type=sa.String(length=40), nullable=False)
        batch_op.drop_constraint("fk_payments_gift_card_id_gift_cards", type_="foreignkey")
        batch_op.drop_column("gift_card_id")
