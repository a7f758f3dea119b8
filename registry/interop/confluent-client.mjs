// Confluent's own JavaScript Schema Registry client and Avro serdes (@confluentinc/schemaregistry)
// pointed at newsstream's registry, on bytes taken from newsstream's topics. Driven by
// launcher/src/test/java/io/newsstream/launcher/ConfluentClientIT.java, which does the Kafka side
// and checks the answers; this script only speaks the Schema Registry API and the wire format,
// the way a downstream team's Confluent client would.
//
//   node confluent-client.mjs REQUEST.json ANSWER.json
//
// REQUEST: { registryUrl,
//            decode:   [{ topic, key: base64|null, value: base64 }],  records read off our topics
//            encode:   [{ topic, key: string, value: object }],        records for our topics
//            register: { subject, schema, evolved } }                  a subject of the client's own
// ANSWER:  { decoded: [{ topic, key, value }], encoded: [{ topic, key, value }] (base64),
//            registered: { id, evolvedId, latest: { id, version }, byIdSchema, lookedUpId,
//                          compatibleEvolution, incompatibleChange } }
import { readFile, writeFile } from 'node:fs/promises';
import {
  AvroDeserializer, AvroSerializer, SchemaRegistryClient, SerdeType,
} from '@confluentinc/schemaregistry';

const [requestFile, answerFile] = process.argv.slice(2);
const request = JSON.parse(await readFile(requestFile, 'utf8'));
const client = new SchemaRegistryClient({ baseURLs: [request.registryUrl] });

// Decoded values as plain JSON: timestamp-millis as epoch millis, bytes as base64.
function plain(value) {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'bigint') return Number(value);
  if (Buffer.isBuffer(value)) return value.toString('base64');
  if (Array.isArray(value)) return value.map(plain);
  if (value instanceof Map) return Object.fromEntries([...value].map(([k, v]) => [k, plain(v)]));
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  return value;
}

const keys = new AvroDeserializer(client, SerdeType.KEY, {});
const values = new AvroDeserializer(client, SerdeType.VALUE, {});
const decoded = [];
for (const record of request.decode) {
  decoded.push({
    topic: record.topic,
    key: record.key === null ? null : plain(await keys.deserialize(record.topic, Buffer.from(record.key, 'base64'))),
    value: plain(await values.deserialize(record.topic, Buffer.from(record.value, 'base64'))),
  });
}

// As a producer that leaves schema registration to the owner of the topic does.
const keyWriter = new AvroSerializer(client, SerdeType.KEY, { useLatestVersion: true, autoRegisterSchemas: false });
const valueWriter = new AvroSerializer(client, SerdeType.VALUE, { useLatestVersion: true, autoRegisterSchemas: false });
const encoded = [];
for (const record of request.encode) {
  encoded.push({
    topic: record.topic,
    key: (await keyWriter.serialize(record.topic, record.key)).toString('base64'),
    value: (await valueWriter.serialize(record.topic, record.value)).toString('base64'),
  });
}

const { subject, schema, evolved, incompatible } = request.register;
const info = (text) => ({ schemaType: 'AVRO', schema: text });
const id = await client.register(subject, info(schema));
const compatibleEvolution = await client.testSubjectCompatibility(subject, info(evolved));
const incompatibleChange = await client.testSubjectCompatibility(subject, info(incompatible));
const evolvedId = await client.register(subject, info(evolved));
const latest = await client.getLatestSchemaMetadata(subject);
const byId = await client.getBySubjectAndId(subject, id);
const lookedUpId = await client.getId(subject, info(schema));
const registered = {
  id, evolvedId, latest: { id: latest.id, version: latest.version }, byIdSchema: byId.schema, lookedUpId,
  compatibleEvolution, incompatibleChange,
};

await writeFile(answerFile, JSON.stringify({ decoded, encoded, registered }, null, 2));
