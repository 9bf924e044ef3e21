import http.client
conn = http.client.HTTPSConnection("")
payload = "{\"user_metadata\": {\"addresses\": {\"home\": \"123 Main Street, Anytown, ST 12345\"}}}"
headers = {
'authorization': "Bearer ABCD",
'content-type': "application/json"
}
conn.request("PATCH", "/YOUR_DOMAIN/api/v2/users/user_id", payload, headers)
res = conn.getresponse()
data = res.read()
print(data.decode("utf-8"))
