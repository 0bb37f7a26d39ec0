package ttlab.kernel;

import com.google.gson.annotations.SerializedName;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.reply.CommInfoReply;
import org.dflib.jjava.jupyter.messages.reply.HistoryReply;
import org.dflib.jjava.jupyter.messages.reply.InterruptReply;
import org.dflib.jjava.jupyter.messages.reply.KernelInfoReply;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Replies that carry the {@code "status": "ok"} field the Jupyter protocol (5.x) requires on
 * every reply; jjava-jupyter 1.0-a6 leaves it out of these four, and strict clients (and the
 * official conformance suite) reject them without it.
 */
final class Replies {

    private Replies() {
    }

    static final class KernelInfo extends KernelInfoReply {
        @SerializedName("status")
        private final String status = "ok";

        KernelInfo(String protocolVersion, String implementation, String version, LanguageInfo language,
                   String banner, List<HelpLink> helpLinks) {
            super(protocolVersion, implementation, version, language, banner, helpLinks);
        }
    }

    static final class Interrupt extends InterruptReply {
        @SerializedName("status")
        private final String status = "ok";
    }

    /**
     * A history reply written out by hand: the protocol wants each entry as a tuple
     * {@code [session, line, input]}, and jjava's tuple adapter is not applied to replies
     * this kernel sends itself.
     */
    static final class History {
        @SerializedName("status")
        private final String status = "ok";
        @SerializedName("history")
        private final List<List<Object>> history = new ArrayList<>();

        private History(List<HistoryEntry> entries, boolean withOutput) {
            for (HistoryEntry e : entries) {
                Object io = withOutput ? Arrays.asList(e.getInput(), e.getOutput()) : e.getInput();
                history.add(Arrays.asList(e.getSession(), e.getCellNumber(), io));
            }
        }

        /** The reply message; the request is the reply's context (its parent header). */
        @SuppressWarnings({"unchecked", "rawtypes"})
        static Message<?> replyTo(Message<HistoryRequest> request, List<HistoryEntry> entries) {
            boolean withOutput = request.getContent().includeOutput();
            return new Message(request, HistoryReply.MESSAGE_TYPE, new History(entries, withOutput));
        }
    }

    static final class CommInfo extends CommInfoReply {
        @SerializedName("status")
        private final String status = "ok";

        CommInfo(Map<String, CommInfoReply.CommInfo> comms) {
            super(comms);
        }
    }
}
