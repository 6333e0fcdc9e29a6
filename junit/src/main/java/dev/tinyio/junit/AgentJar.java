package dev.tinyio.junit;

import dev.tinyio.agent.TinyioAgent;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.security.CodeSource;

/** Where the agent jar is, for the messages that tell how to run with {@code -javaagent} instead. */
final class AgentJar {
    private AgentJar() {
    }

    /**
     * The file the agent's classes come from: the self-contained jar that tinyio-junit depends on, in the local
     * repository or wherever the IDE keeps it.
     *
     * @return its path, or its usual file name if the classes come from somewhere that is not a file
     */
    static String path() {
        CodeSource source = TinyioAgent.class.getProtectionDomain().getCodeSource();
        URL location = source == null ? null : source.getLocation();
        if (location != null && location.getProtocol().equals("file")) {
            try {
                return Path.of(location.toURI()).toString();
            } catch (URISyntaxException e) {
                // Not a path after all: fall back to the name.
            }
        }
        return "tinyio-agent-" + TinyioAgent.class.getPackage().getImplementationVersion() + "-all.jar";
    }
}
