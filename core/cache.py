"""Django's Redis cache backend, reusing one Redis client per connection pool.

Django builds a new `redis.Redis` object for every cache operation; with
redis-py 8 that object registers some 170 response callbacks on creation, about
half a millisecond of CPU, and a page makes a dozen cache reads (sessions, roles,
page cache). A client is thread-safe over its pool, so one per pool is enough.
"""

from django.core.cache.backends.redis import RedisCache, RedisCacheClient


class ReusedClientRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            client = self._client(connection_pool=self._get_connection_pool(write))
            self._clients[index] = client
        return client


class ReusedClientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedClientRedisCacheClient
