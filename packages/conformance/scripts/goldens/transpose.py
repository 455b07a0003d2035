"""Goldens for transpose: x.permute(perm), float32 and int32, ranks 2 to 5."""
from common import case, randint, randn, rng, write

g = rng(303)
cases = []


def add(name, description, x, perm):
    cases.append(case(name, description, {'perm': list(perm)}, [x], x.permute(*perm)))


add('matrix', '[3, 5] -> [5, 3]', randn(g, 3, 5), (1, 0))
add('nchw-to-nhwc', '[2, 3, 2, 4] perm [0, 2, 3, 1]', randn(g, 2, 3, 2, 4), (0, 2, 3, 1))
add('nhwc-to-nchw', '[2, 2, 4, 3] perm [0, 3, 1, 2]', randn(g, 2, 2, 4, 3), (0, 3, 1, 2))
add('ncl-to-nlc', '[2, 4, 5] perm [0, 2, 1]', randn(g, 2, 4, 5), (0, 2, 1))
add('reverse-rank5', '[2, 1, 3, 2, 2] perm [4, 3, 2, 1, 0]', randn(g, 2, 1, 3, 2, 2), (4, 3, 2, 1, 0))
add('identity', '[2, 3] perm [0, 1]', randn(g, 2, 3), (0, 1))
add('int32', 'int32 [2, 3, 4] perm [1, 2, 0]', randint(g, -50, 50, 2, 3, 4), (1, 2, 0))
write('transpose', cases, __file__)
