"""Django's RedisCache, with one Redis client per connection pool instead of one per call."""

from django.core.cache.backends import redis


class _RedisCacheClient(redis.RedisCacheClient):
    # Django builds a new redis.Redis for every cache call, and redis-py's
    # constructor is not cheap (it fills a table of response handlers): on a
    # cached page that cost more than the round trip. A client is safe to share:
    # each command takes a connection from the pool.
    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        clients = self.__dict__.setdefault("_clients", {})
        if index not in clients:
            clients[index] = self._client(connection_pool=self._get_connection_pool(write))
        return clients[index]


class RedisCache(redis.RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = _RedisCacheClient
