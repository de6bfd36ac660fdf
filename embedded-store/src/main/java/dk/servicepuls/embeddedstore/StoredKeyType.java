package dk.servicepuls.embeddedstore;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * How the keys of the store's maps are kept and ordered in MVStore: document keys ({@code _id} values and the
 * positions a unique index points at) and the {@link KeyValue}s of unique indexes. MVStore's default
 * ({@link ObjectDataType}) Java-serialises a key it has no type of its own for, such as a {@link KeyValue} or a
 * compound {@code _id}, and orders two of them by serialising both again on every comparison: a B-tree lookup
 * then costs a few dozen serialisations. This type writes them in a small tagged binary form and compares them
 * as values.
 * <p>
 * The order is total and consistent with {@code equals} for the key kinds it knows: values of different Java
 * classes are different keys (as they are to {@link ObjectDataType}; unique indexes normalise their numbers before
 * they get here), documents compare field by field in their order (as BSON does), lists and key values element by
 * element. Any other kind (binary data, timestamps, decimals, …) is written and ordered as {@link ObjectDataType}
 * does.
 */
final class StoredKeyType extends BasicDataType<Object> {

    static final StoredKeyType INSTANCE = new StoredKeyType();

    // the tags double as the order between kinds
    private static final byte NULL = 1;
    private static final byte MISSING = 2;
    private static final byte FALSE = 3;
    private static final byte TRUE = 4;
    private static final byte INTEGER = 5;
    private static final byte LONG = 6;
    private static final byte DOUBLE = 7;
    private static final byte STRING = 8;
    private static final byte OBJECT_ID = 9;
    private static final byte UUID_VALUE = 10;
    private static final byte INSTANT = 11;
    private static final byte DOCUMENT = 12;
    private static final byte LIST = 13;
    private static final byte KEY_VALUE = 14;
    private static final byte OTHER = 15;

    private final ObjectDataType other = new ObjectDataType();

    private StoredKeyType() {
    }

    private static byte tagOf(Object value) {
        if (value == null) {
            return NULL;
        }
        if (value instanceof Missing) {
            return MISSING;
        }
        if (value instanceof Boolean bool) {
            return bool ? TRUE : FALSE;
        }
        if (value instanceof Integer) {
            return INTEGER;
        }
        if (value instanceof Long) {
            return LONG;
        }
        if (value instanceof Double) {
            return DOUBLE;
        }
        if (value instanceof String) {
            return STRING;
        }
        if (value instanceof ObjectId) {
            return OBJECT_ID;
        }
        if (value instanceof UUID) {
            return UUID_VALUE;
        }
        if (value instanceof Instant) {
            return INSTANT;
        }
        if (value instanceof Document) {
            return DOCUMENT;
        }
        if (value instanceof List) {
            return LIST;
        }
        if (value instanceof KeyValue) {
            return KEY_VALUE;
        }
        return OTHER;
    }

    @Override
    public int compare(Object a, Object b) {
        byte tagA = tagOf(a);
        byte tagB = tagOf(b);
        if (tagA != tagB) {
            return Byte.compare(tagA, tagB);
        }
        return switch (tagA) {
            case NULL, MISSING, FALSE, TRUE -> 0;
            case INTEGER -> Integer.compare((Integer) a, (Integer) b);
            case LONG -> Long.compare((Long) a, (Long) b);
            case DOUBLE -> Double.compare((Double) a, (Double) b);
            case STRING -> ((String) a).compareTo((String) b);
            case OBJECT_ID -> ((ObjectId) a).compareTo((ObjectId) b);
            case UUID_VALUE -> ((UUID) a).compareTo((UUID) b);
            case INSTANT -> ((Instant) a).compareTo((Instant) b);
            case DOCUMENT -> compareDocuments((Document) a, (Document) b);
            case LIST -> compareElements(((List<?>) a).iterator(), ((List<?>) b).iterator());
            case KEY_VALUE -> compareElements(((KeyValue) a).iterator(), ((KeyValue) b).iterator());
            default -> compareOther(a, b);
        };
    }

    private int compareDocuments(Document a, Document b) {
        Iterator<Map.Entry<String, Object>> left = a.entrySet().iterator();
        Iterator<Map.Entry<String, Object>> right = b.entrySet().iterator();
        while (left.hasNext() && right.hasNext()) {
            Map.Entry<String, Object> l = left.next();
            Map.Entry<String, Object> r = right.next();
            int byName = l.getKey().compareTo(r.getKey());
            if (byName != 0) {
                return byName;
            }
            int byValue = compare(l.getValue(), r.getValue());
            if (byValue != 0) {
                return byValue;
            }
        }
        return Boolean.compare(left.hasNext(), right.hasNext());
    }

    private int compareElements(Iterator<?> left, Iterator<?> right) {
        while (left.hasNext() && right.hasNext()) {
            int byElement = compare(left.next(), right.next());
            if (byElement != 0) {
                return byElement;
            }
        }
        return Boolean.compare(left.hasNext(), right.hasNext());
    }

    private int compareOther(Object a, Object b) {
        int byClass = a.getClass().getName().compareTo(b.getClass().getName());
        return byClass != 0 ? byClass : this.other.compare(a, b);
    }

    @Override
    public int getMemory(Object key) {
        return MemoryEstimate.of(key instanceof KeyValue keyValue ? keyValue.stream().toList() : key);
    }

    @Override
    public void write(WriteBuffer buffer, Object value) {
        byte tag = tagOf(value);
        buffer.put(tag);
        switch (tag) {
            case NULL, MISSING, FALSE, TRUE -> {
            }
            case INTEGER -> buffer.putInt((Integer) value);
            case LONG -> buffer.putLong((Long) value);
            case DOUBLE -> buffer.putDouble((Double) value);
            case STRING -> writeString(buffer, (String) value);
            case OBJECT_ID -> buffer.put(((ObjectId) value).toByteArray());
            case UUID_VALUE -> buffer.putLong(((UUID) value).getMostSignificantBits())
                    .putLong(((UUID) value).getLeastSignificantBits());
            case INSTANT -> buffer.putLong(((Instant) value).getEpochSecond()).putInt(((Instant) value).getNano());
            case DOCUMENT -> {
                Document document = (Document) value;
                buffer.putVarInt(document.size());
                for (Map.Entry<String, Object> entry : document.entrySet()) {
                    writeString(buffer, entry.getKey());
                    write(buffer, entry.getValue());
                }
            }
            case LIST -> writeElements(buffer, ((List<?>) value).size(), (List<?>) value);
            case KEY_VALUE -> writeElements(buffer, ((KeyValue) value).size(), (KeyValue) value);
            default -> this.other.write(buffer, value);
        }
    }

    private void writeElements(WriteBuffer buffer, int size, Iterable<?> elements) {
        buffer.putVarInt(size);
        for (Object element : elements) {
            write(buffer, element);
        }
    }

    private static void writeString(WriteBuffer buffer, String string) {
        byte[] utf8 = string.getBytes(StandardCharsets.UTF_8);
        buffer.putVarInt(utf8.length).put(utf8);
    }

    @Override
    public Object read(ByteBuffer buffer) {
        byte tag = buffer.get();
        return switch (tag) {
            case NULL -> null;
            case MISSING -> Missing.getInstance();
            case FALSE -> Boolean.FALSE;
            case TRUE -> Boolean.TRUE;
            case INTEGER -> buffer.getInt();
            case LONG -> buffer.getLong();
            case DOUBLE -> buffer.getDouble();
            case STRING -> readString(buffer);
            case OBJECT_ID -> {
                byte[] id = new byte[12];
                buffer.get(id);
                yield new ObjectId(id);
            }
            case UUID_VALUE -> new UUID(buffer.getLong(), buffer.getLong());
            case INSTANT -> Instant.ofEpochSecond(buffer.getLong(), buffer.getInt());
            case DOCUMENT -> {
                int size = DataUtils.readVarInt(buffer);
                Document document = new Document();
                for (int i = 0; i < size; i++) {
                    String name = readString(buffer);
                    document.put(name, read(buffer));
                }
                yield document;
            }
            case LIST -> readElements(buffer);
            case KEY_VALUE -> new KeyValue(readElements(buffer));
            case OTHER -> this.other.read(buffer);
            default -> throw new IllegalStateException("Not a stored key: tag " + tag);
        };
    }

    private List<Object> readElements(ByteBuffer buffer) {
        int size = DataUtils.readVarInt(buffer);
        List<Object> elements = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            elements.add(read(buffer));
        }
        return elements;
    }

    private static String readString(ByteBuffer buffer) {
        byte[] utf8 = new byte[DataUtils.readVarInt(buffer)];
        buffer.get(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }

    @Override
    public Object[] createStorage(int size) {
        return new Object[size];
    }

}
