"""Confluent's own Python client (confluent-kafka, librdkafka underneath) as a downstream team
would use it against newsstream: its AvroConsumer reads our topics from the broker, decoding keys
and values through our registry; its AvroProducer writes an article to our input topic with the
schemas the registry holds for it. Driven by ConfluentClientIT (launcher), which checks the
answers. The package is Debian's python3-confluent-kafka (with python3-avro and python3-requests),
the legacy confluent_kafka.avro API: the newer confluent_kafka.schema_registry.avro needs
fastavro, which Debian does not package.

    /usr/bin/python3 confluent_python.py REQUEST.json ANSWER.json

REQUEST: {bootstrap, registryUrl, topics: [...], perTopic, produce: {topic, key, value}}
         (timestamp-millis fields of value given as epoch millis)
ANSWER:  {consumed: [{topic, partition, offset, key, value}], produced: {topic, partition, offset}}
         (timestamp-millis as epoch millis)
"""
import datetime
import json
import sys
import time
import uuid

from confluent_kafka.avro import AvroConsumer, AvroProducer, CachedSchemaRegistryClient

EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)


def plain(value):
    """A decoded datum as JSON: timestamp-millis (datetime) as epoch millis."""
    if isinstance(value, datetime.datetime):
        return (value - EPOCH) // datetime.timedelta(milliseconds=1)
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def consume(request, topic):
    consumer = AvroConsumer({
        'bootstrap.servers': request['bootstrap'],
        'schema.registry.url': request['registryUrl'],
        'group.id': 'confluent-python-' + uuid.uuid4().hex,
        'auto.offset.reset': 'earliest',
        'isolation.level': 'read_committed',
        'enable.auto.commit': False,
    })
    consumer.subscribe([topic])
    records = []
    deadline = time.monotonic() + 60
    try:
        while len(records) < request['perTopic'] and time.monotonic() < deadline:
            message = consumer.poll(1.0)
            if message is None:
                continue
            if message.error():
                raise RuntimeError('%s: %s' % (topic, message.error()))
            records.append({'topic': topic, 'partition': message.partition(), 'offset': message.offset(),
                            'key': plain(message.key()), 'value': plain(message.value())})
    finally:
        consumer.close()
    return records


def timestamps_as_datetimes(schema, value):
    """The value with its timestamp-millis fields as the datetimes the avro library writes them from."""
    out = dict(value)
    for field in schema.fields:
        types = field.type.schemas if hasattr(field.type, 'schemas') else [field.type]
        millis = any(getattr(t, 'logical_type', None) == 'timestamp-millis' for t in types)
        if millis and out.get(field.name) is not None:
            out[field.name] = EPOCH + datetime.timedelta(milliseconds=out[field.name])
    return out


def produce(request):
    spec = request['produce']
    registry = CachedSchemaRegistryClient({'url': request['registryUrl']})
    _, key_schema, _ = registry.get_latest_schema(spec['topic'] + '-key')
    _, value_schema, _ = registry.get_latest_schema(spec['topic'] + '-value')
    # The legacy serializer registers the schemas it writes with; the same schema gets its id back.
    producer = AvroProducer({'bootstrap.servers': request['bootstrap'], 'schema.registry.url': request['registryUrl']},
                            default_key_schema=key_schema, default_value_schema=value_schema)
    delivered = {}

    def on_delivery(error, message):
        if error is not None:
            raise RuntimeError('delivery failed: %s' % error)
        delivered.update(topic=message.topic(), partition=message.partition(), offset=message.offset())

    producer.produce(topic=spec['topic'], key=spec['key'], value=timestamps_as_datetimes(value_schema, spec['value']),
                     on_delivery=on_delivery)
    if producer.flush(30) != 0 or not delivered:
        raise RuntimeError('not delivered within 30 s')
    return delivered


def main(request_file, answer_file):
    with open(request_file) as f:
        request = json.load(f)
    consumed = [record for topic in request['topics'] for record in consume(request, topic)]
    answer = {'consumed': consumed, 'produced': produce(request)}
    with open(answer_file, 'w') as f:
        json.dump(answer, f, indent=2)


if __name__ == '__main__':
    main(*sys.argv[1:3])
