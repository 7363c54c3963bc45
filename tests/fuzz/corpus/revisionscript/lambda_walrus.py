x = lambda a, b=1: (y := a)
revision = f"{x}"
match = 1
case = 2
