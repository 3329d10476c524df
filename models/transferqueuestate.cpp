// TransferModel's queue as JSON: what transferqueuefile.cpp keeps on disk across restarts.
#include "transfermodel.h"

#include "copy/copyjob.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace stevedore::models {

namespace {

constexpr int kVersion = 1;

QString stateName(Job::State s)
{
    switch (s) {
    case Job::State::Idle: return u"queued"_s;
    case Job::State::Running: return u"running"_s;
    case Job::State::Succeeded: return u"succeeded"_s;
    case Job::State::Failed: return u"failed"_s;
    case Job::State::Cancelled: return u"cancelled"_s;
    }
    return {};
}

std::optional<Job::State> stateFromName(const QString &name)
{
    for (Job::State s : {Job::State::Idle, Job::State::Running, Job::State::Succeeded, Job::State::Failed,
                         Job::State::Cancelled}) {
        if (stateName(s) == name)
            return s;
    }
    return std::nullopt;
}

std::optional<BlobProgress::State> blobStateFromName(const QString &name)
{
    for (int i = 0; i <= int(BlobProgress::State::NotCopied); ++i) {
        if (blobStateName(BlobProgress::State(i)) == name)
            return BlobProgress::State(i);
    }
    return std::nullopt;
}

} // namespace

QJsonObject TransferModel::saveState() const
{
    QJsonArray jobs;
    for (const auto &e : m_jobs) {
        QJsonObject j;
        j[u"request"_s] = copyRequestToJson(e->request);
        j[u"state"_s] = stateName(e->state);
        if (!e->error.isEmpty())
            j[u"error"_s] = e->error;
        if (!e->digest.isEmpty())
            j[u"digest"_s] = e->digest;
        const qint64 elapsed = elapsedOf(*e);
        if (elapsed >= 0)
            j[u"elapsedMs"_s] = elapsed;
        QJsonArray blobs;
        for (const BlobProgress &b : e->blobs) {
            QJsonObject o{{u"id"_s, b.id},
                          {u"state"_s, blobStateName(b.state)},
                          {u"done"_s, b.done},
                          {u"total"_s, b.total}};
            if (b.digest != b.id && !b.digest.isEmpty())
                o[u"digest"_s] = b.digest;
            if (!b.mediaType.isEmpty())
                o[u"mediaType"_s] = b.mediaType;
            if (!b.platform.isEmpty())
                o[u"platform"_s] = b.platform;
            if (!b.message.isEmpty())
                o[u"message"_s] = b.message;
            blobs.append(o);
        }
        if (!blobs.isEmpty())
            j[u"blobs"_s] = blobs;
        jobs.append(j);
    }
    return QJsonObject{{u"version"_s, kVersion}, {u"jobs"_s, jobs}};
}

int TransferModel::restoreState(const QJsonObject &state, QStringList *problems)
{
    if (state.value(u"version"_s).toInt() != kVersion) {
        if (problems && !state.isEmpty())
            problems->append(tr("the saved queue has version %1; this Stevedore reads version %2")
                                 .arg(state.value(u"version"_s).toVariant().toString())
                                 .arg(kVersion));
        return 0;
    }
    int restored = 0;
    const QJsonArray jobs = state.value(u"jobs"_s).toArray();
    for (qsizetype i = 0; i < jobs.size(); ++i) {
        const QJsonObject j = jobs.at(i).toObject();
        auto request = copyRequestFromJson(j.value(u"request"_s).toObject());
        const auto jobState = stateFromName(j.value(u"state"_s).toString());
        if (!request || !jobState) {
            if (problems)
                problems->append(tr("saved job %1: %2")
                                     .arg(i + 1)
                                     .arg(request ? tr("unknown state \"%1\"").arg(j.value(u"state"_s).toString())
                                                  : request.error().message));
            continue;
        }
        auto entry = std::make_unique<Entry>();
        Entry *e = entry.get();
        e->request = *request;
        e->source = request->source.toString();
        e->destination = request->destination.toString();
        const bool unfinished = *jobState == Job::State::Idle || *jobState == Job::State::Running;
        const bool typedCredentials = j.value(u"request"_s).toObject().value(u"context"_s).toObject().value(
                                          u"typedCredentials"_s).toBool();
        if (!unfinished) {
            e->state = *jobState;
            e->error = j.value(u"error"_s).toString();
            e->digest = j.value(u"digest"_s).toString();
            e->elapsedMs = j.value(u"elapsedMs"_s).toInteger();
            for (const QJsonValue &v : j.value(u"blobs"_s).toArray()) {
                const QJsonObject o = v.toObject();
                BlobProgress b;
                b.id = o.value(u"id"_s).toString();
                if (b.id.isEmpty() || e->blobRow.contains(b.id))
                    continue;
                b.digest = o.value(u"digest"_s).toString(b.id);
                b.mediaType = o.value(u"mediaType"_s).toString();
                b.platform = o.value(u"platform"_s).toString();
                b.done = o.value(u"done"_s).toInteger();
                b.total = o.value(u"total"_s).toInteger(-1);
                b.state = blobStateFromName(o.value(u"state"_s).toString()).value_or(BlobProgress::State::NotCopied);
                b.message = o.value(u"message"_s).toString();
                e->blobRow.insert(b.id, int(e->blobs.size()));
                e->blobs.append(b);
            }
        } else if (typedCredentials) {
            // Never saved, so never brought back: running it with other credentials would surprise.
            e->state = Job::State::Failed;
            e->error = tr("The user name and password typed for this push are not kept across restarts. Log in to "
                          "the registry (Tools › Credentials…), then choose Retry.");
        }
        const int row = int(m_jobs.size());
        beginInsertRows({}, row, row);
        m_jobs.push_back(std::move(entry));
        endInsertRows();
        if (unfinished && !typedCredentials)
            attach(e, new CopyJob(request->source, request->destination, request->context, request->options));
        ++restored;
    }
    if (restored > 0) {
        Q_EMIT queueChanged();
        startQueued();
    }
    return restored;
}

} // namespace stevedore::models
