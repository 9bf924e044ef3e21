curl --request PATCH \
--url https://youraccount.auth0.com/api/v2/users/user_id \
--header 'authorization: Bearer ABCD' \
--header 'content-type: application/json' \
--data '{"user_metadata": {"addresses": {"home": "123 Main Street, Anytown, ST 12345", "work": "100 Industrial Way, Anytown, ST 12345"}}}'
