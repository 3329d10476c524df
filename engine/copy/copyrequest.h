#pragma once

#include "copyoptions.h"
#include "transport/systemcontext.h"
#include "transport/transportreference.h"

#include <QJsonObject>

namespace stevedore {

// Everything a CopyJob is made from: what `stevedore push/copy` takes on its command line, and what the push queue
// keeps to retry a job or to bring it back after a restart.
struct CopyRequest {
    TransportReference source;
    TransportReference destination;
    SystemContext context;
    CopyOptions options;
};

// The request as JSON for the push queue's file. Credentials typed for this one request (`context.credentials`)
// are never written: only `"typedCredentials": true` says there were some. Nothing else secret is in a request.
QJsonObject copyRequestToJson(const CopyRequest &request);
// The reverse; an error naming the field when one is missing or wrong. The credentials come back empty.
Result<CopyRequest> copyRequestFromJson(const QJsonObject &json);

} // namespace stevedore
