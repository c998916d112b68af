import Foundation

// The models come from spec/ through SpecModelsPlugin; nothing generated is in this folder.
let sample = #"""
    {
      "id": "connection-123",
      "projectId": "project-456",
      "provider": "salesforce",
      "providerApp": {
        "id": "provider-app-123",
        "projectId": "project-456",
        "externalRef": "external-id-123",
        "provider": "salesforce",
        "clientId": "client-id-123",
        "scopes": ["[\"oauth\",\"offline\",\"crm.read\"]"],
        "createTime": "2024-03-10T17:32:33.163Z"
      },
      "group": {
        "groupRef": "group-123",
        "groupName": "Super Customer",
        "projectId": "project-456",
        "createTime": "2023-07-13T21:34:44.816354Z",
        "updateTime": "2023-07-13T21:34:44.816354Z"
      },
      "consumer": {
        "consumerRef": "consumer-123",
        "consumerName": "Super Customer",
        "projectId": "project-456",
        "createTime": "2023-07-13T21:34:44.816354Z"
      },
      "providerWorkspaceRef": "provider-workspace-123",
      "createTime": "2023-07-13T21:34:44.816354Z",
      "authScheme": "oauth2/authorizationCode",
      "status": "working"
    }
    """#

do {
    let connection = try JSONDecoder().decode(Connection.self, from: Data(sample.utf8))
    // `Identifiable` comes from specmodels.yml; `displayName` is `groupName` renamed there.
    let byID = Dictionary(uniqueKeysWithValues: [connection].map { ($0.id, $0) })
    print("connection \(connection.id) to \(connection.provider) for \(connection.group.displayName): \(connection.status), \(connection.authScheme)")
    print("round trip equal: \(try JSONDecoder().decode(Connection.self, from: JSONEncoder().encode(connection)) == connection), known ids: \(byID.keys.sorted())")
} catch {
    print("error: \(error)")
    exit(1)
}
