package deltakv.checker.linear.model;

import deltakv.checker.linear.Model;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** The models `dkv check --model` knows, by name, with an optional initial value (already parsed from EDN). */
public final class Models {
    public static final List<String> NAMES =
            List.of("register", "cas-register", "multi-register", "mutex", "fifo-queue", "deque", "set", "collection");

    private Models() {}

    public static Model create(String name, Object initial) {
        return switch (name) {
            case "register" -> new RegisterModel(initial);
            case "cas-register" -> new CasRegisterModel(initial);
            case "multi-register" -> new MultiRegisterModel(initial == null ? Map.of() : as(Map.class, name, initial));
            case "mutex" -> {
                if (initial != null) throw new IllegalArgumentException("model mutex takes no --initial-value");
                yield new MutexModel();
            }
            case "fifo-queue" -> new FifoQueueModel(initial == null ? List.of() : List.copyOf(as(Collection.class, name, initial)));
            case "deque" -> new DequeModel(initial == null ? List.of() : List.copyOf(as(List.class, name, initial)));
            case "set" -> new SetModel(initial == null ? java.util.Set.of()
                    : new LinkedHashSet<>(as(Collection.class, name, initial)));
            case "collection" -> {
                if (initial != null) throw new IllegalArgumentException("model collection takes no --initial-value");
                yield new CollectionModel();
            }
            default -> throw new IllegalArgumentException("unknown model '" + name + "'; expected one of " + NAMES);
        };
    }

    @SuppressWarnings("unchecked")
    private static <T> T as(Class<T> type, String model, Object initial) {
        if (!type.isInstance(initial)) {
            throw new IllegalArgumentException("model " + model + " needs an --initial-value that is a "
                    + (type == Map.class ? "map, e.g. {:x 0 :y 0}" : type == List.class ? "vector, e.g. [1 2]"
                    : "collection, e.g. [1 2]") + "; got " + initial);
        }
        return (T) initial;
    }
}
